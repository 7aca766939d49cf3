package org.aslwb.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.aslwb.attack.AttackFrames;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.ImageDecoder;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.data.SyntheticDataset;
import org.aslwb.data.TensorCache;
import org.aslwb.explain.ExplainInput;
import org.aslwb.model.Architecture;
import org.aslwb.model.Engine;
import org.aslwb.model.NetworkShape;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.Job;
import org.aslwb.task.JobService;
import org.aslwb.task.ProgressListener;
import org.aslwb.ui.common.TaskRunner;

/**
 * {@code aslwb bench ui-stall}: the real window, headless on Monocle, with a training job running
 * (the Train tab's Start, a CNN on synthetic data) while slider events drag epsilon on the Attack
 * tab over full DarkNet-53 (FGSM towards another class: see {@link #run}). A probe thread posts to
 * the FX thread every 2 ms and records how late each post runs; with the collector's pauses, which
 * stop the probe too ({@link GcPauseRecorder}), merged where they overlap ({@link Stalls}), these
 * are the FX thread's stalls.
 */
public final class UiStallBench {
  private UiStallBench() {}

  /**
   * What to drive.
   *
   * @param events slider events in each drag
   * @param eventMillis milliseconds between events (8: a brisk mouse drag)
   * @param drags drags one after the other, a second apart; the first runs while the JIT compiler
   *     is still compiling the window's code, the later ones show the app warmed up
   * @param size DarkNet-53's input size
   * @param seed the seed of the network's weights and of the synthetic data
   */
  public record Settings(int events, int eventMillis, int drags, int size, long seed) {}

  /**
   * What one drag (or several drags pooled) measured.
   *
   * @param worstStallMs the longest stall: the longest the FX thread kept a probe waiting, or a
   *     collector pause (see {@link Stalls})
   * @param p99StallMs the 99th percentile of the probes' waits
   * @param medianStallMs their median
   * @param probes probes run during the drag
   * @param stallsOver20Ms stalls longer than 20 ms (the goal: none), each counted once
   * @param framesShownPerSecond frames shown from the first event to the last event's frame
   * @param framesShown adversarial frames swapped in over that time
   * @param framesComputed frames the attack service computed
   * @param events slider events
   * @param dragSeconds from the first event to the frame of the last one
   * @param fxThreadCpuMs CPU time the FX thread used over that time (its own work, probes included)
   * @param jitCpuMs CPU time the JIT compiler's threads used over that time
   * @param gcPauses the collector's pauses over that time (each stops the FX thread too)
   * @param gcPauseMs their time together
   * @param worstGcPauseMs the longest of them
   */
  public record Drag(
      double worstStallMs,
      double p99StallMs,
      double medianStallMs,
      int probes,
      int stallsOver20Ms,
      double framesShownPerSecond,
      long framesShown,
      long framesComputed,
      int events,
      double dragSeconds,
      double fxThreadCpuMs,
      double jitCpuMs,
      long gcPauses,
      double gcPauseMs,
      double worstGcPauseMs) {}

  /**
   * What was measured.
   *
   * @param first the first drag after start-up
   * @param warm the later drags pooled (stalls over all their probes, frames and times summed);
   *     null with a single drag
   * @param each every drag in order
   * @param trainingRunning whether the training job still ran at the end
   * @param target the class the dragged attack pulls towards
   * @param gradientNonZero the share of that attack's input gradient's entries that are not zero
   *     (0: every FGSM frame equals the clean image)
   * @param untargetedGradientNonZero the same for the untargeted attack
   * @param gcClockPrecisionMs how far the collector's pauses may be off where they happened on the
   *     probes' clock (see {@link GcPauseRecorder})
   * @param gcPausesAllNotified whether every collection of the run was notified before the figures
   *     were made
   */
  public record Result(
      Drag first,
      Drag warm,
      List<Drag> each,
      boolean trainingRunning,
      String target,
      double gradientNonZero,
      double untargetedGradientNonZero,
      double gcClockPrecisionMs,
      boolean gcPausesAllNotified) {}

  /** Runs the benchmark; starts (and at the end leaves) the JavaFX toolkit on Monocle. */
  public static Result run(Settings settings) throws Exception {
    // first, while the heap is nearly empty: it places the collector's clock with a System.gc()
    try (GcPauseRecorder gcPauses = new GcPauseRecorder()) {
      return run(settings, gcPauses);
    }
  }

  private static Result run(Settings settings, GcPauseRecorder gcPauses) throws Exception {
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("headless.geometry", "1400x900-32"); // the window fits the screen
    System.setProperty("prism.order", "sw");
    System.setProperty("prism.text", "t2k");
    Engine.start();
    Path tmp = Files.createTempDirectory("aslwb-ui-stall");
    SyntheticDataset.write(
        tmp.resolve("data"), 16, 64, settings.seed(), ProgressListener.NONE, Cancellation.none());
    LoadedDataset data =
        new DatasetLoader(new ImageDecoder(), TensorCache.disabled(), 2)
            .load(tmp.resolve("data"), 32, 32, 3);
    TrainedModel darknet =
        TrainedModel.untrained(
                Architecture.DARKNET53,
                new NetworkShape(
                    data.classNames().size(), settings.size(), settings.size(), 3, 1.0),
                data.classNames(),
                settings.seed())
            .warmedUp();
    Path imageFile = data.samples().get(0).file();
    PixelImage photo = ExplainInput.fromPhoto(new ImageDecoder().decode(imageFile));

    // The untrained network's softmax is saturated: the untargeted loss (of the clean prediction)
    // has an input gradient of exactly zero, so every untargeted FGSM frame would be the clean
    // image. The drag attacks towards another class instead, whose gradient is not zero: real
    // frames, at the same cost.
    AttackFrames.Prepared untargeted = AttackFrames.prepare(darknet.classifier(), photo, -1);
    int target = (untargeted.clean().predicted() + 1) % data.classNames().size();
    String targetName = darknet.metadata().classNames().get(target);
    double untargetedNonZero = nonZeroShare(untargeted.gradient());
    double gradientNonZero =
        nonZeroShare(AttackFrames.prepare(darknet.classifier(), photo, target).gradient());

    CountDownLatch up = new CountDownLatch(1);
    Platform.startup(up::countDown);
    up.await();
    Platform.setImplicitExit(false);
    try (JobService jobs = JobService.forThisMachine()) {
      AtomicLong computed = new AtomicLong();
      jobs.onSubmit(
          j -> {
            if (j.name().equals("attack frame")) {
              computed.incrementAndGet();
            }
          });
      Workspace workspace = new Workspace(new TaskRunner(jobs, Platform::runLater));
      Parent[] root = new Parent[1];
      onFx(
          () -> {
            root[0] = WorkbenchApp.load(workspace);
            Stage stage = new Stage();
            stage.setScene(new Scene(root[0], 1320, 880));
            stage.show();
            workspace.datasetProperty().set(data);
            selectTab(root[0], "Train"); // only the selected tab's nodes are in the window
            text(root[0], "#size", "32");
            text(root[0], "#epochs", "1000");
            // no early stopping: the synthetic classes are learnt within a few epochs, and the
            // run must go on throughout the drags
            text(root[0], "#patience", "0");
            text(root[0], "#batch", "32");
            text(root[0], "#output", tmp.resolve("training.aslwb").toString());
            ((Button) root[0].lookup("#startTraining")).fire();
            return null;
          });
      waitFor(120, "the training job", () -> training(workspace) != null);
      onFx(
          () -> {
            selectTab(root[0], "Attack");
            workspace.modelProperty().set(darknet);
            choose(root[0], "#target", targetName);
            workspace.imageNameProperty().set(imageFile.getFileName().toString());
            workspace.photoProperty().set(photo);
            return null;
          });
      waitFor(600, "the first frame", () -> workspace.adversarialProperty().get() != null);
      Slider slider = onFx(() -> (Slider) root[0].lookup("#epsilonSlider"));
      AtomicLong shown = new AtomicLong();
      onFx(
          () -> {
            // every swap of the adversarial view's image (a new Image object per frame), whatever
            // its pixels
            ImageView view = (ImageView) root[0].lookup("#adversarialImage");
            view.imageProperty()
                .addListener(
                    (o, a, b) -> {
                      if (b != null) {
                        shown.incrementAndGet();
                      }
                    });
            return null;
          });

      // the FX thread's own CPU time tells work on it from waiting for a core (or a GC pause)
      long fxThread = onFx(() -> Thread.currentThread().getId());
      List<Dragged> dragged = new ArrayList<>();
      for (int d = 0; d < settings.drags(); d++) {
        if (d > 0) {
          Thread.sleep(1000);
        }
        long shownBefore = shown.get();
        long computedBefore = computed.get();
        long fxCpuBefore = THREADS.getThreadCpuTime(fxThread);
        long jitBefore = jitCpuNanos();
        Probe probe = new Probe();
        probe.start();
        long start = System.nanoTime();
        // the last event at an odd thousandth of its own, so its frame is told from every earlier
        // one (every other event is at an even thousandth)
        double last = 0.151 + 0.002 * d;
        drag(slider, settings, last);
        String lastFrame = String.format("FGSM at eps %.3f", last);
        waitFor(
            600,
            "the last event's frame",
            () -> workspace.adversarialSourceProperty().get().startsWith(lastFrame));
        long end = System.nanoTime();
        dragged.add(
            new Dragged(
                probe.stop(),
                start,
                end,
                shown.get() - shownBefore,
                computed.get() - computedBefore,
                (THREADS.getThreadCpuTime(fxThread) - fxCpuBefore) / 1e6,
                (jitCpuNanos() - jitBefore) / 1e6));
      }
      boolean allNotified = gcPauses.awaitNotified(5_000);
      List<Drag> drags =
          dragged.stream().map(d -> measured(List.of(d), gcPauses, settings.events())).toList();
      boolean trainingRunning = onFx(() -> training(workspace) != null);
      Job<?> job = onFx(() -> training(workspace));
      if (job != null) {
        job.cancel();
      }
      Drag warm =
          dragged.size() > 1
              ? measured(dragged.subList(1, dragged.size()), gcPauses, settings.events())
              : null;
      return new Result(
          drags.get(0),
          warm,
          drags,
          trainingRunning,
          targetName,
          gradientNonZero,
          untargetedNonZero,
          gcPauses.precision() / 1e6,
          allNotified);
    } finally {
      Platform.exit();
      deleteQuietly(tmp);
    }
  }

  /** The synthetic data and the training run's files go with the bench (best effort). */
  private static void deleteQuietly(Path folder) {
    try (var paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException | RuntimeException e) {
      // a file still open by the cancelled run stays; the OS cleans its temp folder
    }
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /**
   * Sends one drag's slider events, back and forth over the slider's range in even thousandths as a
   * hand drags it, the last one at {@code last}; then releases the slider.
   */
  private static void drag(Slider slider, Settings settings, double last)
      throws InterruptedException {
    for (int i = 0; i < settings.events(); i++) {
      double phase = (double) i / Math.max(1, settings.events() - 1);
      double eps =
          i == settings.events() - 1
              ? last
              : 0.002 * Math.round(150 * (phase < 0.5 ? 2 * phase : 2 - 2 * phase));
      Platform.runLater(
          () -> {
            slider.setValueChanging(true);
            slider.setValue(eps);
          });
      Thread.sleep(settings.eventMillis());
    }
    Platform.runLater(() -> slider.setValueChanging(false));
  }

  /**
   * What one drag, or several pooled, measured: its probes' waits, its stalls (each drag's waits
   * and the collector's pauses in it, merged) and its counts and times summed.
   */
  private static Drag measured(List<Dragged> dragged, GcPauseRecorder gcPauses, int events) {
    List<GcPauseRecorder.Pause> pauses = new ArrayList<>();
    List<long[]> stallsOfEach = new ArrayList<>();
    for (Dragged d : dragged) {
      List<GcPauseRecorder.Pause> inDrag = gcPauses.between(d.start(), d.end());
      pauses.addAll(inDrag);
      stallsOfEach.add(Stalls.merged(d.intervals(inDrag)));
    }
    long[] stalls = stallsOfEach.stream().flatMapToLong(Arrays::stream).toArray();
    long[] sorted =
        dragged.stream()
            .flatMap(d -> Arrays.stream(d.probes()))
            .mapToLong(p -> p[1] - p[0])
            .sorted()
            .toArray();
    int n = sorted.length;
    long framesShown = dragged.stream().mapToLong(Dragged::shown).sum();
    double seconds = dragged.stream().mapToDouble(d -> (d.end() - d.start()) / 1e9).sum();
    return new Drag(
        Arrays.stream(stalls).max().orElse(0) / 1e6,
        n == 0 ? 0 : sorted[(int) Math.floor(0.99 * (n - 1))] / 1e6,
        n == 0 ? 0 : sorted[n / 2] / 1e6,
        n,
        (int) Arrays.stream(stalls).filter(w -> w > 20_000_000L).count(),
        framesShown / seconds,
        framesShown,
        dragged.stream().mapToLong(Dragged::computed).sum(),
        events * dragged.size(),
        seconds,
        dragged.stream().mapToDouble(Dragged::fxCpuMs).sum(),
        dragged.stream().mapToDouble(Dragged::jitCpuMs).sum(),
        pauses.size(),
        pauses.stream().mapToLong(GcPauseRecorder.Pause::nanos).sum() / 1e6,
        pauses.stream().mapToLong(GcPauseRecorder.Pause::nanos).max().orElse(0) / 1e6);
  }

  /**
   * One drag as it was recorded, measured once the collector's notifications of its pauses are in.
   *
   * @param probes each probe's {posted, ran}, nanoseconds
   * @param start the first event, nanoseconds
   * @param end the last event's frame shown, nanoseconds
   */
  private record Dragged(
      long[][] probes,
      long start,
      long end,
      long shown,
      long computed,
      double fxCpuMs,
      double jitCpuMs) {
    /** The probes' waits and the pauses, as {start, end} intervals. */
    long[][] intervals(List<GcPauseRecorder.Pause> pauses) {
      long[][] all = Arrays.copyOf(probes, probes.length + pauses.size());
      for (int i = 0; i < pauses.size(); i++) {
        all[probes.length + i] = new long[] {pauses.get(i).start(), pauses.get(i).end()};
      }
      return all;
    }
  }

  /**
   * CPU time of the JIT compiler's threads so far. They are not Java threads the management bean
   * lists, so it is read from /proc (Linux), by the names HotSpot gives them; 0 elsewhere.
   */
  private static long jitCpuNanos() {
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return 0;
    }
    long ticks = 0;
    try (var threads = Files.list(tasks)) {
      for (Path t : (Iterable<Path>) threads::iterator) {
        try {
          String stat = Files.readString(t.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
          }
        } catch (java.io.IOException | RuntimeException e) {
          // the thread ended between the listing and the read: it counts no more
        }
      }
    } catch (java.io.IOException e) {
      return 0;
    }
    return ticks * 10_000_000L; // clock ticks of 10 ms (USER_HZ 100, as on every Linux build)
  }

  private static double nonZeroShare(float[] values) {
    long nonZero = 0;
    for (float v : values) {
      if (v != 0) {
        nonZero++;
      }
    }
    return values.length == 0 ? 0 : (double) nonZero / values.length;
  }

  private static Job<?> training(Workspace workspace) {
    return workspace.tasks().listedJobs().stream()
        .filter(j -> j.name().startsWith("training") && j.state() == Job.State.RUNNING)
        .findFirst()
        .orElse(null);
  }

  private static void selectTab(Parent root, String name) {
    javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) root.lookup("#tabs");
    tabs.getTabs().stream()
        .filter(t -> t.getText().equals(name))
        .findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t));
  }

  @SuppressWarnings("unchecked")
  private static void choose(Parent root, String id, String value) {
    ((javafx.scene.control.ChoiceBox<String>) root.lookup(id)).setValue(value);
  }

  private static void text(Parent root, String id, String value) {
    ((TextField) root.lookup(id)).setText(value);
  }

  /** Runs {@code work} on the FX thread and returns its result. */
  private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
    FutureTask<T> task = new FutureTask<>(work);
    Platform.runLater(task);
    return task.get(120, TimeUnit.SECONDS);
  }

  private static void waitFor(double seconds, String what, BooleanSupplier condition)
      throws Exception {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    while (!onFx(condition::getAsBoolean)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("ui-stall: gave up waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  /** Posts to the FX thread every 2 ms and records when each post was made and when it ran. */
  private static final class Probe {
    private final List<long[]> posts = new ArrayList<>();
    private volatile boolean running = true;
    private final Thread thread = new Thread(this::loop, "ui-stall-probe");

    void start() {
      thread.setDaemon(true);
      thread.start();
    }

    private void loop() {
      while (running) {
        long posted = System.nanoTime();
        Platform.runLater(
            () -> {
              long ran = System.nanoTime();
              synchronized (posts) {
                posts.add(new long[] {posted, ran});
              }
            });
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    /** Each probe's {posted, ran}, nanoseconds. */
    long[][] stop() throws InterruptedException {
      running = false;
      thread.join();
      synchronized (posts) {
        return posts.toArray(long[][]::new);
      }
    }
  }
}
