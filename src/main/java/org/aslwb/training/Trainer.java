package org.aslwb.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.aslwb.data.Augmenter;
import org.aslwb.data.DataFingerprint;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.Preprocessing;
import org.aslwb.data.Split;
import org.aslwb.model.Architecture;
import org.aslwb.model.Engine;
import org.aslwb.model.EpochMetrics;
import org.aslwb.model.ModelMetadata;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TemperatureScaling;
import org.aslwb.model.TrainedModel;
import org.aslwb.model.TrainingEngine;
import org.aslwb.task.Cancellation;
import org.aslwb.task.OutputLocations;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Trains a model: Adam, seeded shuffling and augmentation, a learning-rate schedule, early stopping
 * that keeps the best weights, and a checkpoint after every epoch.
 *
 * <p>Files: the best model so far is saved to the model path whenever it improves; the latest epoch
 * (network and optimiser state) to {@code MODEL.checkpoint}. Both are written atomically; the
 * temporary files of a save that a killed process left behind are deleted at the next run. A
 * resumed run loads the checkpoint (weights, optimiser state and iteration count) and continues
 * with the next epoch, with the same shuffles, augmentations and dropout masks an uninterrupted run
 * would have drawn (each epoch's random sources are derived from the seed and the epoch number), so
 * its losses are the uninterrupted run's.
 */
public final class Trainer {
  /** Training-accuracy sample size: measured in inference mode at the end of each epoch. */
  static final int TRAIN_ACCURACY_SAMPLE = 1024;

  private final EpochScorer scorer = new EpochScorer();

  /** The checkpoint file that belongs to a model path. */
  public static Path checkpointOf(Path model) {
    return model.resolveSibling(model.getFileName() + ".checkpoint");
  }

  /**
   * Checks that the model file and its checkpoint can be written.
   *
   * @throws IllegalArgumentException "cannot write FILE: reason"
   */
  public static void checkOutputs(Path model) {
    OutputLocations.checkFile(model);
    OutputLocations.checkFile(checkpointOf(model));
  }

  /**
   * The existing files a run on {@code model} would replace: none when it resumes from a
   * checkpoint; otherwise those of the model file and its checkpoint that exist.
   */
  public static List<Path> filesReplacedBy(Path model, boolean resume) {
    Path checkpoint = checkpointOf(model);
    if (resume && Files.isRegularFile(checkpoint)) {
      return List.of();
    }
    return java.util.stream.Stream.of(model, checkpoint).filter(Files::exists).toList();
  }

  /**
   * Trains on {@code data} (loaded at the config's input size) and saves to {@code modelFile}.
   *
   * @param resume continue from {@code modelFile}'s checkpoint when it exists (a run without it
   *     starts afresh and deletes an earlier run's checkpoint: callers ask before, see {@link
   *     #filesReplacedBy})
   * @throws IllegalArgumentException when the data cannot be trained on (one class, wrong size, or
   *     a checkpoint made for other data) or the model file cannot be written
   */
  public TrainingResult train(
      LoadedDataset data,
      TrainingConfig config,
      Path modelFile,
      boolean resume,
      TrainingListener listener,
      Cancellation cancellation)
      throws IOException {
    // the first network of a process must not be built before the engine's choices are made
    Engine.start();
    TrainingSetup.checkData(data, config);
    checkOutputs(modelFile);
    Split split = TrainingSetup.split(data, config);
    Path checkpoint = checkpointOf(modelFile);
    String fingerprint = DataFingerprint.of(data, split);
    int stale =
        ModelStore.deleteStaleTemporaryFiles(modelFile)
            + ModelStore.deleteStaleTemporaryFiles(checkpoint);
    if (stale > 0) {
      listener.onMessage(
          "removed " + stale + " temporary file(s) an interrupted run left next to " + modelFile);
    }

    TrainedModel current;
    List<EpochMetrics> history;
    if (resume && Files.isRegularFile(checkpoint)) {
      current = ModelStore.load(checkpoint);
      TrainingSetup.checkResumable(checkpoint, current.metadata(), data, fingerprint);
      history = new ArrayList<>(current.metadata().history());
      listener.onMessage("resuming after epoch " + history.size() + " from " + checkpoint);
    } else {
      if (resume) {
        listener.onMessage(
            "no checkpoint " + checkpoint + " to resume from: starting from epoch 1");
      } else {
        // an earlier run's checkpoint must not be resumed into this one
        Files.deleteIfExists(checkpoint);
      }
      current = TrainingSetup.freshModel(data, config, split, fingerprint);
      history = new ArrayList<>();
    }
    ComputationGraph net = current.network();
    Architecture.cacheForTraining(net);
    Preprocessing preprocessing = current.metadata().preprocessing();
    BatchAssembler batches =
        new BatchAssembler(data, preprocessing, data.classNames().size(), config.labelSmoothing());
    Augmenter augmenter =
        config.augmentation().isIdentity() ? null : new Augmenter(config.augmentation());

    int firstEpoch = history.size() + 1;
    listener.onSplit(split.method().toString(), split.reason());
    listener.onMessage(
        "validation split: "
            + split.method()
            + " ("
            + split.reason()
            + "; "
            + split.description()
            + ")");
    if (config.measuresRobustAccuracy() && split.validation().length == 0) {
      listener.onMessage("no validation images: robust accuracy is not measured");
    }
    listener.onStart(split.train().length, split.validation().length, firstEpoch);
    if (!history.isEmpty()) {
      listener.onResumed(List.copyOf(history));
    }
    int batchesPerEpoch = batchesPerEpoch(split.train().length, config);
    long trainedImages = 0;
    double trainSeconds = 0;
    TrainingResult.StopReason stop = TrainingResult.StopReason.COMPLETED;
    // closed before the result: its native memory goes before the calibration loads the model
    try (TrainingEngine engine = TrainingEngine.of(net, current.metadata())) {
      listener.onMessage("training on " + engine.describe());
      epochs:
      for (int epoch = firstEpoch; epoch <= config.epochs(); epoch++) {
        if (config.earlyStopping().shouldStop(history)) {
          stop = TrainingResult.StopReason.EARLY_STOPPED;
          break;
        }
        double lr = config.schedule().rate(config.learningRate(), epoch, history);
        Random random = new Random(config.seed() * 7919L + epoch);
        // dropout masks are seeded per epoch too, so that a run resumed in another process or
        // thread drops the same units as an uninterrupted one
        engine.startEpoch(lr, config.seed() * 1_000_003L + epoch);
        int[] order = shuffled(split.train(), random);
        long started = System.nanoTime();
        double lossSum = 0;
        int images = 0;
        try (BatchPrefetcher prefetch =
            new BatchPrefetcher(
                batches,
                order,
                config.batchSize(),
                batchesPerEpoch,
                augmenter,
                random,
                cancellation::betweenBatches)) {
          for (int b = 0; b < batchesPerEpoch; b++) {
            cancellation.betweenBatches(); // in the app: interactive work first
            if (cancellation.isCancelled()) {
              listener.onMessage(
                  "cancelled in epoch " + epoch + "; resume continues from the last checkpoint");
              stop = TrainingResult.StopReason.CANCELLED;
              break epochs;
            }
            int from = b * config.batchSize();
            int to = Math.min(order.length, from + config.batchSize());
            DataSet batch = prefetch.next();
            double loss = engine.fit(batch);
            if (!Double.isFinite(loss)) {
              listener.onMessage(
                  String.format(
                      java.util.Locale.ROOT,
                      "loss became %s in epoch %d, batch %d: training stopped; the best model so far is kept%s",
                      loss,
                      epoch,
                      b + 1,
                      history.isEmpty()
                          ? " (none: no epoch finished)"
                          : " (epoch " + config.earlyStopping().bestEpoch(history) + ")"));
              stop = TrainingResult.StopReason.DIVERGED;
              break epochs;
            }
            lossSum += loss * (to - from);
            images += to - from;
            double elapsed = (System.nanoTime() - started) / 1e9;
            double speed = images / Math.max(1e-9, elapsed);
            double remaining =
                (batchesPerEpoch - b - 1) * config.batchSize()
                    + (double) (config.epochs() - epoch) * batchesPerEpoch * config.batchSize();
            listener.onIteration(
                new TrainingListener.IterationProgress(
                    epoch,
                    b + 1,
                    batchesPerEpoch,
                    loss,
                    lr,
                    speed,
                    remaining / Math.max(1e-9, speed)));
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted in epoch " + epoch);
        }
        engine.finishEpoch(); // the network now holds the epoch's weights and optimiser state
        double seconds = (System.nanoTime() - started) / 1e9;
        trainedImages += images;
        trainSeconds += seconds;
        // the epoch's scoring and saving allocate and compute as much as many batches do
        cancellation.betweenBatches();
        TrainedModel snapshot = new TrainedModel(net, current.metadata());
        EpochMetrics metrics;
        try {
          metrics =
              scorer.epoch(
                  snapshot.rawClassifier(),
                  data,
                  java.util.Arrays.copyOf(order, Math.min(order.length, TRAIN_ACCURACY_SAMPLE)),
                  split.validation(),
                  config,
                  new EpochScorer.Training(
                      epoch, lossSum / Math.max(1, images), lr, images / seconds, seconds),
                  cancellation);
        } catch (Cancellation.CancelledException e) {
          // the epoch is not recorded: a resumed run trains it again, to the same weights
          listener.onMessage(
              "cancelled while attacking epoch "
                  + epoch
                  + "'s validation images; resume continues from the last checkpoint");
          stop = TrainingResult.StopReason.CANCELLED;
          break epochs;
        }
        history.add(metrics);
        boolean improved = config.earlyStopping().bestEpoch(history) == epoch;
        ModelMetadata metadata =
            current.metadata().withHistory(history, config.earlyStopping().bestEpoch(history));
        current = new TrainedModel(net, metadata);
        if (improved) {
          ModelStore.save(current, modelFile);
        }
        ModelStore.save(current, checkpoint, true);
        listener.onEpoch(metrics, improved);
        if (config.earlyStopping().shouldStop(history)) {
          listener.onMessage(
              "early stopping after epoch "
                  + epoch
                  + ": no improvement of "
                  + config.earlyStopping().monitor().name().toLowerCase(java.util.Locale.ROOT)
                  + " for "
                  + config.earlyStopping().patience()
                  + " epochs; keeping epoch "
                  + config.earlyStopping().bestEpoch(history));
          stop = TrainingResult.StopReason.EARLY_STOPPED;
          break;
        }
      }
    }
    return result(
        modelFile, history, trainedImages, trainSeconds, stop, config, data, split, listener);
  }

  private TrainingResult result(
      Path modelFile,
      List<EpochMetrics> history,
      long images,
      double seconds,
      TrainingResult.StopReason stop,
      TrainingConfig config,
      LoadedDataset data,
      Split split,
      TrainingListener listener)
      throws IOException {
    int best = config.earlyStopping().bestEpoch(history);
    TemperatureScaling calibration = null;
    if (best > 0 && Files.isRegularFile(modelFile)) {
      // the model file holds the best epoch's weights; give it the complete history
      TrainedModel saved = ModelStore.load(modelFile);
      calibration = TrainingSetup.calibrate(saved, data, split);
      if (calibration != null) {
        listener.onMessage(
            String.format(
                java.util.Locale.ROOT,
                "temperature %.3f fitted on the %d validation images (%s split):"
                    + " ECE %.4f -> %.4f, NLL %.4f -> %.4f",
                calibration.temperature(),
                calibration.images(),
                calibration.splitMethod(),
                calibration.eceBefore(),
                calibration.eceAfter(),
                calibration.nllBefore(),
                calibration.nllAfter()));
      }
      ModelStore.save(
          new TrainedModel(
              saved.network(),
              saved.metadata().withHistory(history, best).withCalibration(calibration)),
          modelFile);
    }
    EpochMetrics bestMetrics = best > 0 ? history.get(best - 1) : null;
    return new TrainingResult(
        modelFile,
        List.copyOf(history),
        best,
        bestMetrics == null ? Double.NaN : bestMetrics.valAccuracy(),
        bestMetrics == null ? Double.NaN : bestMetrics.valLoss(),
        seconds > 0 ? images / seconds : 0,
        stop,
        split.method().toString(),
        calibration);
  }

  /**
   * Why training refuses data with classes that have no usable image, and what the user can do: the
   * CLI and the Train tab show these words.
   */
  public static String emptyClassesMessage(Path root, List<String> emptyClasses) {
    return root
        + ": "
        + (emptyClasses.size() == 1 ? "class " : "classes ")
        + String.join(", ", emptyClasses)
        + (emptyClasses.size() == 1 ? " has" : " have")
        + " no usable images (every file is unreadable): fix the files, or train without"
        + " these classes (train --drop-empty-classes; in the Train tab, 'Drop empty classes')";
  }

  private static int batchesPerEpoch(int trainSize, TrainingConfig config) {
    int full = (trainSize + config.batchSize() - 1) / config.batchSize();
    return config.maxBatchesPerEpoch() > 0 ? Math.min(full, config.maxBatchesPerEpoch()) : full;
  }

  private static int[] shuffled(int[] indices, Random random) {
    int[] a = indices.clone();
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }
}
