package org.aslwb.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.aslwb.attack.AttackFrames;
import org.aslwb.data.Augmenter;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.DatasetScanner;
import org.aslwb.data.ImageDecoder;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Preprocessing;
import org.aslwb.data.TensorCache;
import org.aslwb.evaluation.Predictor;
import org.aslwb.explain.ExplainInput;
import org.aslwb.explain.Explanation;
import org.aslwb.explain.LabelAgreement;
import org.aslwb.explain.LimeExplainer;
import org.aslwb.explain.LimeSettings;
import org.aslwb.explain.Quickshift;
import org.aslwb.explain.QuickshiftSettings;
import org.aslwb.explain.Segmentation;
import org.aslwb.model.Architecture;
import org.aslwb.model.Classifier;
import org.aslwb.model.Engine;
import org.aslwb.model.NetworkClassifier;
import org.aslwb.model.NetworkShape;
import org.aslwb.model.TrainingEngine;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.aslwb.task.SettingChecks;
import org.aslwb.ui.UiStallBench;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code aslwb bench ...}: measured figures to put beside the anchors' (benchmarks, not tests). */
@Command(
    name = "bench",
    description = "Benchmarks that print measured figures.",
    subcommands = {
      BenchCommand.Train.class,
      BenchCommand.Load.class,
      BenchCommand.Augment.class,
      BenchCommand.Segment.class,
      BenchCommand.Predict.class,
      BenchCommand.Lime.class,
      BenchCommand.Frame.class,
      BenchScale.class,
      BenchOutputs.class,
      BenchCommand.UiStall.class
    })
final class BenchCommand {
  /** Training and inference throughput on random data, as torch_anchor.py measures it. */
  @Command(
      name = "train",
      description = "Train and inference images/s of both models on random data.")
  static final class Train implements Callable<Integer> {
    @Mixin BenchOutput out;

    @Option(
        names = "--models",
        split = ",",
        defaultValue = "cnn,darknet53",
        description = "architectures to time, comma-separated (default: ${DEFAULT-VALUE})")
    List<String> models;

    @Option(
        names = "--batches",
        split = ",",
        defaultValue = "32,128",
        description = "batch sizes, comma-separated (default: ${DEFAULT-VALUE})")
    List<Integer> batches;

    @Mixin InputSizeOption input;

    @Option(names = "--width", defaultValue = "1.0", description = "DarkNet-53 width multiplier")
    double width;

    static List<PixelImage> randomImages(int n, int size) {
      java.util.Random random = new java.util.Random(1);
      List<PixelImage> images = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        float[] pixels = new float[3 * size * size];
        for (int k = 0; k < pixels.length; k++) {
          pixels[k] = random.nextFloat();
        }
        images.add(new PixelImage(size, size, 3, pixels));
      }
      return images;
    }

    @Override
    public Integer call() {
      int size = input.size;
      Output.say("engine: %s", Engine.start().describe());
      for (String m : models) {
        Architecture a = Architecture.parse(m);
        for (int batch : batches) {
          if (a == Architecture.DARKNET53 && batch > 32 && width >= 1) {
            continue; // the anchor measures full DarkNet-53 at batch 32 only
          }
          NetworkShape shape =
              new NetworkShape(29, size, size, 3, a == Architecture.CNN ? 1.0 : width);
          ComputationGraph net = a.create(shape, 1, 1e-3);
          INDArray x = Nd4j.rand(DataType.FLOAT, batch, 3, size, size);
          INDArray y = Nd4j.zeros(DataType.FLOAT, batch, 29);
          for (int i = 0; i < batch; i++) {
            y.putScalar(i, i % 29, 1f);
          }
          DataSet ds = new DataSet(x, y);
          int warm = a == Architecture.CNN ? 5 : 2;
          int iters = a == Architecture.CNN ? 30 : 5;
          // training as users get it: the engine `aslwb train` runs (oneDNN directly here)
          double train;
          try (TrainingEngine engine = TrainingEngine.of(net, a, shape)) {
            engine.startEpoch(1e-3, 1);
            train = time(() -> engine.fit(ds), warm, iters, batch);
            engine.finishEpoch();
          }
          // inference as users get it: the classifier's probabilities (DarkNet-53 on oneDNN
          // directly), and the DL4J network's own forward pass beside it
          Classifier classifier =
              new NetworkClassifier(
                  net,
                  a,
                  shape,
                  java.util.stream.IntStream.range(0, 29).mapToObj(k -> "c" + k).toList(),
                  Preprocessing.rgb(size));
          List<PixelImage> images = randomImages(batch, size);
          double infer = time(() -> classifier.probabilities(images), warm, iters, batch);
          double inferNetwork = time(() -> net.output(false, x), warm, iters, batch);
          out.add(
              new BenchOutput.Figures("aslwb-" + a.id())
                  .put("size", size, "%d")
                  .put("batch", batch, "%d")
                  .put("params", net.numParams(), "%d")
                  .put("train_img_s", train, "%.1f")
                  .put("infer_img_s", infer, "%.1f")
                  .put("infer_dl4j_img_s", inferNetwork, "%.1f"));
        }
      }
      out.finish("train");
      return 0;
    }

    private static double time(Runnable step, int warm, int iters, int batch) {
      for (int i = 0; i < warm; i++) {
        step.run();
      }
      long t = System.nanoTime();
      for (int i = 0; i < iters; i++) {
        step.run();
      }
      return iters * batch / ((System.nanoTime() - t) / 1e9);
    }
  }

  /** Decoding and resizing a data set (cold: no cache), as load_anchor.py measures it. */
  @Command(
      name = "load",
      description = "Images/s decoding and resizing a data set, without the cache.")
  static final class Load implements Callable<Integer> {
    @Mixin BenchOutput out;

    @Parameters(paramLabel = "DIR", description = "folder-per-class data set to load")
    Path dir;

    @Mixin InputSizeOption input;

    @Override
    public Integer call() throws Exception {
      int size = input.size;
      var index = DatasetScanner.scan(dir);
      var loader =
          new DatasetLoader(
              new ImageDecoder(),
              TensorCache.disabled(),
              Runtime.getRuntime().availableProcessors());
      // the codec's native library loads before the clock, as the anchor imports PIL before its own
      String reader = ImageDecoder.jpegReader();
      long t = System.nanoTime();
      var data = loader.load(index, size, size, 3, Output.progress(), Cancellation.none());
      double s = (System.nanoTime() - t) / 1e9;
      out.add(
          new BenchOutput.Figures("aslwb-load")
              .put("images", data.size(), "%d")
              .put("size", size, "%d")
              .put("seconds", s, "%.2f")
              .put("images_per_s", data.size() / s, "%.0f")
              .put("jpeg", reader, "%s"));
      out.finish("load");
      return 0;
    }
  }

  /** The training augmentation's cost per image, the data work beside each training step. */
  @Command(
      name = "augment",
      description =
          "Microseconds of one core per augmented image, for each augmentation preset, on the "
              + "first images of a data set (from the tensor cache) or on random pixels.")
  static final class Augment implements Callable<Integer> {
    @Mixin BenchOutput out;

    @Option(
        names = "--data",
        description = "folder-per-class photos (default: random pixels, a harder case for blur)")
    Path data;

    @Option(
        names = "--presets",
        split = ",",
        defaultValue = "reference,mild,domain",
        description = "augmentation presets, comma-separated (default: ${DEFAULT-VALUE})")
    List<String> presets;

    @Mixin InputSizeOption input;

    @Option(
        names = "--rounds",
        defaultValue = "5",
        description = "timed rounds of 2,000 images per preset; median and best printed")
    int rounds;

    @Override
    public Integer call() throws Exception {
      SettingChecks.atLeast("rounds", rounds, 1);
      int size = input.size;
      List<PixelImage> images = data == null ? Train.randomImages(256, size) : photos();
      for (String name : presets) {
        Augmenter augmenter = new Augmenter(org.aslwb.data.Augmentation.preset("--presets", name));
        java.util.Random random = new java.util.Random(1);
        int perRound = 2_000;
        double[] micros = new double[rounds];
        for (int r = -2; r < rounds; r++) { // two rounds of warm-up for the JIT
          long t = System.nanoTime();
          for (int i = 0; i < perRound; i++) {
            augmenter.apply(images.get(i % images.size()), random);
          }
          if (r >= 0) {
            micros[r] = (System.nanoTime() - t) / 1e3 / perRound;
          }
        }
        java.util.Arrays.sort(micros);
        out.add(
            new BenchOutput.Figures("aslwb-augment")
                .put("preset", name, "%s")
                .put("images", images.size(), "%d")
                .put("size", size, "%d")
                .put("median_us_per_image", micros[rounds / 2], "%.1f")
                .put("best_us_per_image", micros[0], "%.1f"));
      }
      out.finish("augment");
      return 0;
    }

    // the first 256 photos in the data set's order, at the model size, as training sees them
    private List<PixelImage> photos() throws java.io.IOException {
      var loaded = new DatasetLoader().load(data, input.size, input.size, 3);
      List<PixelImage> photos = new java.util.ArrayList<>();
      for (int i = 0; i < Math.min(256, loaded.size()); i++) {
        photos.add(loaded.image(i));
      }
      if (photos.isEmpty()) {
        throw new IllegalArgumentException(data + " holds no images");
      }
      return photos;
    }
  }

  /** Quickshift time and superpixel count, as skimage_anchor.py measures it. */
  @Command(name = "quickshift", description = "Quickshift with LIME's parameters on one image.")
  static final class Segment implements Callable<Integer> {
    @Mixin BenchOutput out;

    @Parameters(paramLabel = "IMAGE", description = "image file to segment")
    Path image;

    @Option(
        names = "--repeat",
        defaultValue = "5",
        description = "timed runs; the best is printed (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(
        names = "--reference",
        description = "a label map saved by skimage_anchor.py (.npy): prints the agreement")
    Path reference;

    @Override
    public Integer call() throws Exception {
      SettingChecks.atLeast("repeat", repeat, 1);
      PixelImage photo = ExplainInput.fromPhoto(new ImageDecoder().decode(image));
      Segmentation first = Quickshift.segment(photo, QuickshiftSettings.lime());
      double best = Double.MAX_VALUE;
      int count = 0;
      for (int i = 0; i < repeat; i++) {
        long t = System.nanoTime();
        count = Quickshift.segment(photo, QuickshiftSettings.lime()).count();
        best = Math.min(best, (System.nanoTime() - t) / 1e6);
      }
      out.add(
          new BenchOutput.Figures("aslwb-quickshift")
              .put("image", image.toString(), "%s")
              .put("width", photo.width(), "%d")
              .put("height", photo.height(), "%d")
              .put("segments", count, "%d")
              .put("best_ms", best, "%.1f"));
      if (reference != null) {
        NpyLabels theirs = NpyLabels.read(reference);
        if (theirs.width() != first.width() || theirs.height() != first.height()) {
          throw new IllegalArgumentException(
              reference
                  + " is "
                  + theirs.width()
                  + "x"
                  + theirs.height()
                  + ", not the image's size");
        }
        LabelAgreement a = LabelAgreement.of(first.labels(), theirs.labels());
        out.add(
            new BenchOutput.Figures("agreement")
                .put("reference", reference.getFileName().toString(), "%s")
                .put(
                    "reference_segments",
                    java.util.Arrays.stream(theirs.labels()).distinct().count(),
                    "%d")
                .put("adjusted_rand", a.adjustedRand(), "%.3f")
                .put("purity", a.purity(), "%.3f")
                .put("inverse_purity", a.inversePurity(), "%.3f"));
      }
      out.finish("quickshift");
      return 0;
    }
  }

  /** End-to-end single-image prediction latency (decode, resize, forward). */
  @Command(
      name = "predict",
      description = "Milliseconds to predict one image file, decode included.")
  static final class Predict implements Callable<Integer> {
    @Mixin BenchOutput out;

    @Option(names = "--model", required = true, description = "model file")
    Path model;

    @Parameters(paramLabel = "IMAGE", description = "image file to predict")
    Path image;

    @Option(
        names = "--repeat",
        defaultValue = "50",
        description = "timed runs (default: ${DEFAULT-VALUE})")
    int repeat;

    @Override
    public Integer call() throws Exception {
      SettingChecks.atLeast("repeat", repeat, 1);
      Predictor predictor = new Predictor(ModelOption.load(model).classifier());
      long[] ns = sortedNanos(1, repeat, i -> predictor.predict(image));
      out.add(
          new BenchOutput.Figures("aslwb-predict")
              .put("median_ms", ns[repeat / 2] / 1e6, "%.2f")
              .put("p90_ms", ns[repeat * 9 / 10] / 1e6, "%.2f"));
      out.finish("predict");
      return 0;
    }
  }

  /** LIME end to end on one image: the first (cold) run and the median of warm runs. */
  @Command(name = "lime", description = "LIME end to end on one image, cold and warm.")
  static final class Lime implements Callable<Integer> {
    @Mixin BenchOutput out;

    @Option(names = "--model", required = true, description = "model file")
    Path model;

    @Parameters(paramLabel = "IMAGE", description = "image file to explain")
    Path image;

    @Option(
        names = "--samples",
        defaultValue = "1000",
        description = "LIME samples (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(
        names = "--repeat",
        defaultValue = "5",
        description = "warm runs after the cold one (default: ${DEFAULT-VALUE})")
    int repeat;

    @Override
    public Integer call() throws Exception {
      SettingChecks.atLeast("repeat", repeat, 1);
      Classifier classifier = ModelOption.load(model).classifier();
      PixelImage photo = ExplainInput.fromPhoto(new ImageDecoder().decode(image));
      LimeSettings settings = LimeSettings.defaults().with(samples, 42);
      double[] seconds = new double[repeat + 1];
      Explanation e = null;
      for (int i = 0; i <= repeat; i++) {
        e =
            new LimeExplainer()
                .explain(classifier, photo, settings, ProgressListener.NONE, Cancellation.none());
        seconds[i] = e.seconds();
      }
      double cold = seconds[0];
      java.util.Arrays.sort(seconds, 1, seconds.length);
      out.add(
          new BenchOutput.Figures("aslwb-lime")
              .put("samples", samples, "%d")
              .put("superpixels", e.segmentation().count(), "%d")
              .put("cold_ms", cold * 1000, "%.0f")
              .put("warm_median_ms", seconds[1 + repeat / 2] * 1000, "%.0f")
              .put("score", e.top().score(), "%.3f"));
      out.finish("lime");
      return 0;
    }
  }

  /**
   * One Attack-tab frame while the slider moves: an FGSM step from the cached input gradient and
   * one forward pass with top-5, through {@link AttackFrames}, the code the tab runs.
   */
  @Command(name = "frame", description = "Milliseconds per FGSM slider frame on one image.")
  static final class Frame implements Callable<Integer> {
    @Mixin BenchOutput out;

    @Option(names = "--model", required = true, description = "model file")
    Path model;

    @Parameters(paramLabel = "IMAGE", description = "image file to attack")
    Path image;

    @Option(
        names = "--repeat",
        defaultValue = "100",
        description = "timed frames (default: ${DEFAULT-VALUE})")
    int repeat;

    @Override
    public Integer call() throws Exception {
      SettingChecks.atLeast("repeat", repeat, 1);
      Classifier classifier = ModelOption.load(model).classifier();
      // the app's own pipeline: one gradient per image, then a sign step and a forward pass
      AttackFrames.Prepared prepared =
          AttackFrames.prepare(
              classifier, ExplainInput.fromPhoto(new ImageDecoder().decode(image)), -1);
      // eps sweeps the slider's range, as a drag would
      long[] ns =
          sortedNanos(10, repeat, i -> AttackFrames.fgsm(classifier, prepared, 0.3 * i / repeat));
      out.add(
          new BenchOutput.Figures("aslwb-frame")
              .put("median_ms", ns[repeat / 2] / 1e6, "%.2f")
              .put("p90_ms", ns[repeat * 9 / 10] / 1e6, "%.2f")
              .put("max_ms", ns[repeat - 1] / 1e6, "%.2f"));
      out.finish("frame");
      return 0;
    }
  }

  /**
   * The FX thread's stalls while epsilon is dragged over full DarkNet-53 during a training run, in
   * the real window on Monocle (see {@link UiStallBench}).
   */
  @Command(
      name = "ui-stall",
      description =
          "FX-thread stalls while drags of 200 slider events move epsilon on full DarkNet-53"
              + " during a training run (headless, Monocle).")
  static final class UiStall implements Callable<Integer> {
    @Mixin BenchOutput out;

    @Option(
        names = "--events",
        defaultValue = "200",
        description = "slider events (default: ${DEFAULT-VALUE})")
    int events;

    @Option(
        names = "--event-ms",
        defaultValue = "8",
        description = "milliseconds between events (default: ${DEFAULT-VALUE})")
    int eventMillis;

    @Option(
        names = "--drags",
        defaultValue = "5",
        description =
            "drags a second apart, 1 to 50; the first runs while the JIT compiler is still"
                + " compiling the window's code and is reported apart (default: ${DEFAULT-VALUE})")
    int drags;

    @Option(
        names = "--size",
        defaultValue = "64",
        description = "DarkNet-53 input size (default: ${DEFAULT-VALUE})")
    int size;

    @Override
    public Integer call() throws Exception {
      SettingChecks.atLeast("events", events, 1);
      SettingChecks.atLeast("event-ms", eventMillis, 1);
      // each drag ends at its own odd thousandth below the slider's 0.3 (UiStallBench)
      SettingChecks.between("drags", drags, 1, 50);
      new NetworkShape(29, size, size, 3, 1.0); // says what is wrong with --size before the work
      UiStallBench.Result r =
          UiStallBench.run(new UiStallBench.Settings(events, eventMillis, drags, size, 7));
      BenchOutput.Figures figures = new BenchOutput.Figures("aslwb-ui-stall");
      // the keys describe the warmed-up app (every drag after the first); the first drag
      // after start-up, while the JIT compiles the window's code, is reported under its own keys
      put(figures, "", r.warm() == null ? r.first() : r.warm());
      if (r.warm() != null) {
        put(figures, "first_drag_", r.first());
      }
      figures
          .put("drags", r.each().size(), "%d")
          .put("worst_stall_ms_each_drag", eachDrag(r, UiStallBench.Drag::worstStallMs), "%s")
          .put("jit_cpu_ms_each_drag", eachDrag(r, UiStallBench.Drag::jitCpuMs), "%s")
          .put("gc_pause_ms_each_drag", eachDrag(r, UiStallBench.Drag::gcPauseMs), "%s")
          .put("training_running", r.trainingRunning(), "%s")
          .put("target", r.target(), "%s")
          .put("gradient_nonzero_share", r.gradientNonZero(), "%.4f")
          .put("untargeted_gradient_nonzero_share", r.untargetedGradientNonZero(), "%.4f")
          .put("gc", collectors(), "%s")
          .put("gc_clock_precision_ms", r.gcClockPrecisionMs(), "%.1f")
          .put("gc_pauses_all_notified", r.gcPausesAllNotified(), "%s")
          .put("model", "darknet53 x1.0 " + size + "px untrained", "%s");
      out.add(figures);
      out.finish("ui-stall");
      return 0;
    }

    /** One figure of every drag, in order, as "43.4/26.9/17.4". */
    private static String eachDrag(
        UiStallBench.Result r, java.util.function.ToDoubleFunction<UiStallBench.Drag> figure) {
      return r.each().stream()
          .map(d -> String.format(java.util.Locale.ROOT, "%.1f", figure.applyAsDouble(d)))
          .collect(java.util.stream.Collectors.joining("/"));
    }

    private static void put(BenchOutput.Figures figures, String prefix, UiStallBench.Drag d) {
      figures
          .put(prefix + "worst_stall_ms", d.worstStallMs(), "%.1f")
          .put(prefix + "p99_stall_ms", d.p99StallMs(), "%.1f")
          .put(prefix + "median_stall_ms", d.medianStallMs(), "%.2f")
          .put(prefix + "stalls_over_20ms", d.stallsOver20Ms(), "%d")
          .put(prefix + "probes", d.probes(), "%d")
          .put(prefix + "frames_shown_per_s", d.framesShownPerSecond(), "%.1f")
          .put(prefix + "frames_shown", d.framesShown(), "%d")
          .put(prefix + "frames_computed", d.framesComputed(), "%d")
          .put(prefix + "slider_events", d.events(), "%d")
          .put(prefix + "drag_s", d.dragSeconds(), "%.2f")
          .put(prefix + "fx_thread_cpu_ms", d.fxThreadCpuMs(), "%.0f")
          .put(prefix + "jit_cpu_ms", d.jitCpuMs(), "%.0f")
          .put(prefix + "gc_pauses", d.gcPauses(), "%d")
          .put(prefix + "gc_pause_ms", d.gcPauseMs(), "%.0f")
          .put(prefix + "worst_gc_pause_ms", d.worstGcPauseMs(), "%.1f");
    }
  }

  /** The JVM's garbage collectors, as their management beans name them ("G1 Young Generation"). */
  static String collectors() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(java.lang.management.GarbageCollectorMXBean::getName)
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** One timed step; {@code run} is its 0-based index. */
  @FunctionalInterface
  private interface Step {
    void run(int run) throws Exception;
  }

  /**
   * Nanoseconds of {@code repeat} timed runs of {@code step} after {@code warm} untimed ones,
   * sorted.
   */
  private static long[] sortedNanos(int warm, int repeat, Step step) throws Exception {
    for (int i = 0; i < warm; i++) {
      step.run(i % repeat);
    }
    long[] ns = new long[repeat];
    for (int i = 0; i < repeat; i++) {
      long t = System.nanoTime();
      step.run(i);
      ns[i] = System.nanoTime() - t;
    }
    java.util.Arrays.sort(ns);
    return ns;
  }
}
