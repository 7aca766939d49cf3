package org.aslwb.training;

import java.util.List;
import java.util.Random;
import org.aslwb.data.Augmenter;
import org.aslwb.data.DataFingerprint;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.Split;
import org.aslwb.model.Engine;
import org.aslwb.model.EpochMetrics;
import org.aslwb.model.TemperatureScaling;
import org.aslwb.model.TrainedModel;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The parts of a training run that another training loop needs to write the same model file as
 * {@link Trainer}: the validation split, the fresh network with its metadata (preprocessing from
 * the training images, settings, data fingerprint), batches as the trainer makes them, the epoch
 * scores, and the finished model with its history and fitted temperature. The Spark module trains
 * with it.
 */
public final class TrainingStart {
  private final LoadedDataset data;
  private final TrainingConfig config;
  private final Split split;
  private final TrainedModel initial;
  private final BatchAssembler batches;
  private final Augmenter augmenter;

  private TrainingStart(LoadedDataset data, TrainingConfig config) {
    Engine.start();
    TrainingSetup.checkData(data, config);
    this.data = data;
    this.config = config;
    this.split = TrainingSetup.split(data, config);
    this.initial = TrainingSetup.freshModel(data, config, split, DataFingerprint.of(data, split));
    this.batches =
        new BatchAssembler(
            data,
            initial.metadata().preprocessing(),
            data.classNames().size(),
            config.labelSmoothing());
    this.augmenter =
        config.augmentation().isIdentity() ? null : new Augmenter(config.augmentation());
  }

  /**
   * Splits {@code data} and builds the fresh model for {@code config}.
   *
   * @throws IllegalArgumentException when the data cannot be trained on (as {@link Trainer})
   */
  public static TrainingStart of(LoadedDataset data, TrainingConfig config) {
    return new TrainingStart(data, config);
  }

  /** The validation split. */
  public Split split() {
    return split;
  }

  /** The untrained model: its network and the metadata the model file will carry. */
  public TrainedModel initial() {
    return initial;
  }

  /**
   * The training batches of one epoch in order: the training images shuffled from the seed and the
   * epoch, augmented as configured (batch {@code b}'s draws depend only on seed, epoch and b),
   * normalised by the model's preprocessing. {@code from} and {@code to} count batches, so that an
   * epoch can be handed out in parts.
   */
  public List<DataSet> epochBatches(int epoch, int from, int to) {
    Random random = new Random(config.seed() * 31 + epoch);
    int[] order = split.train().clone();
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int size = config.batchSize();
    List<DataSet> out = new java.util.ArrayList<>();
    for (int b = from; b < Math.min(to, batchesPerEpoch()); b++) {
      int start = b * size;
      // each batch its own draws, so that an epoch handed out in parts is the same epoch
      Random draws = new Random(config.seed() * 1_000_003L + epoch * 10_007L + b);
      out.add(batches.batch(order, start, Math.min(order.length, start + size), augmenter, draws));
    }
    return out;
  }

  /** Batches in one epoch. */
  public int batchesPerEpoch() {
    return (split.train().length + config.batchSize() - 1) / config.batchSize();
  }

  /** The metrics of an epoch that trained {@code network} in {@code seconds} at this loss. */
  public EpochMetrics score(ComputationGraph network, int epoch, double trainLoss, double seconds) {
    return new EpochScorer()
        .epoch(
            new TrainedModel(network, initial.metadata()).rawClassifier(),
            data,
            java.util.Arrays.copyOf(
                split.train(), Math.min(split.train().length, Trainer.TRAIN_ACCURACY_SAMPLE)),
            split.validation(),
            config,
            new EpochScorer.Training(
                epoch,
                trainLoss,
                config.learningRate(),
                split.train().length / Math.max(1e-9, seconds),
                seconds),
            org.aslwb.task.Cancellation.none());
  }

  /**
   * The trained model as the model file keeps it: its history (the last epoch counted as the one
   * kept) and the softmax temperature fitted on the validation split.
   */
  public TrainedModel finish(ComputationGraph network, List<EpochMetrics> history) {
    TrainedModel trained =
        new TrainedModel(network, initial.metadata().withHistory(history, history.size()));
    TemperatureScaling calibration = TrainingSetup.calibrate(trained, data, split);
    return new TrainedModel(network, trained.metadata().withCalibration(calibration));
  }
}
