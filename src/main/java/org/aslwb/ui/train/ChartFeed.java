package org.aslwb.ui.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.aslwb.model.EpochMetrics;
import org.aslwb.task.ProgressListener;
import org.aslwb.training.TrainingListener;
import org.aslwb.ui.common.TaskRunner;

/**
 * Receives training events on the training thread and hands them to the UI in coalesced batches:
 * batch losses are buffered and passed to the curves at most four times a second, so a
 * 10,000-iteration run costs the UI no more than a short one.
 */
final class ChartFeed implements TrainingListener {
  static final long FLUSH_NANOS = 250_000_000L;

  private final TaskRunner tasks;
  private final TrainingCurves curves;
  private final ObservableList<String> log;
  private final StringProperty speed;
  private final StringProperty eta;
  private final List<XYChart.Data<Number, Number>> pending = new ArrayList<>();
  private final int batchSize;
  private long lastFlush;
  private int iteration;
  // the loss chart's x axis counts batches; epoch losses sit at their epoch's last batch
  private volatile int batchesPerEpoch = 1;
  private volatile ProgressListener job = ProgressListener.NONE;
  private volatile int epochs = 1;

  ChartFeed(
      TaskRunner tasks,
      TrainingCurves curves,
      ObservableList<String> log,
      StringProperty speed,
      StringProperty eta,
      int batchSize) {
    this.tasks = tasks;
    this.curves = curves;
    this.log = log;
    this.speed = speed;
    this.eta = eta;
    this.batchSize = batchSize;
  }

  /** Batches done of all epochs' batches also go to the job, for the jobs panel's bar and ETA. */
  void reportTo(ProgressListener listener, int totalEpochs) {
    job = listener;
    epochs = totalEpochs;
  }

  @Override
  public void onSplit(String method, String reason) {
    tasks.onUi(() -> curves.validationLabelProperty().set("val, " + method + " split"));
  }

  @Override
  public void onStart(int trainImages, int validationImages, int firstEpoch) {
    batchesPerEpoch = Math.max(1, (trainImages + batchSize - 1) / batchSize);
    iteration = (firstEpoch - 1) * batchesPerEpoch;
  }

  @Override
  public void onIteration(IterationProgress p) {
    iteration++;
    job.progress(
        (long) (p.epoch() - 1) * p.batches() + p.batch(),
        (long) epochs * p.batches(),
        "epoch " + p.epoch() + ", batch " + p.batch() + "/" + p.batches());
    synchronized (pending) {
      pending.add(new XYChart.Data<>(iteration, p.loss()));
    }
    long now = System.nanoTime();
    if (now - lastFlush > FLUSH_NANOS) {
      lastFlush = now;
      String s = String.format("%.0f images/s", p.imagesPerSecond());
      String e =
          String.format(
              "ETA %s (epoch %d, batch %d/%d)",
              duration(p.etaSeconds()), p.epoch(), p.batch(), p.batches());
      tasks.onUi(
          () -> {
            speed.set(s);
            eta.set(e);
            flush();
          });
    }
  }

  /** Hands the buffered batch losses to the curves. */
  void flush() {
    List<XYChart.Data<Number, Number>> batch;
    synchronized (pending) {
      batch = new ArrayList<>(pending);
      pending.clear();
    }
    tasks.onUi(() -> curves.addBatchLosses(batch));
  }

  @Override
  public void onResumed(List<EpochMetrics> history) {
    // the checkpoint's epochs, so the curves continue where they stopped even after a restart
    int perEpoch = batchesPerEpoch;
    tasks.onUi(
        () -> {
          curves.clearEpochs();
          history.forEach(m -> curves.plot(m, perEpoch));
        });
  }

  @Override
  public void onEpoch(EpochMetrics m, boolean improved) {
    int perEpoch = batchesPerEpoch;
    tasks.onUi(
        () -> {
          curves.plot(m, perEpoch);
          log.add(
              String.format(
                  "epoch %d: loss %.4f, val loss %.4f, val acc %.4f%s (%s), %.0f img/s%s",
                  m.epoch(),
                  m.trainLoss(),
                  m.valLoss(),
                  m.valAccuracy(),
                  m.hasRobustAccuracy()
                      ? String.format(
                          Locale.ROOT,
                          ", under FGSM eps %s %.4f",
                          m.robustEpsilon(),
                          m.robustAccuracy())
                      : "",
                  curves.validationLabelProperty().get(),
                  m.imagesPerSecond(),
                  improved ? " (best, saved)" : ""));
        });
  }

  @Override
  public void onMessage(String message) {
    tasks.onUi(() -> log.add(message));
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
        : String.format("%dm%02ds", s / 60, s % 60);
  }
}
