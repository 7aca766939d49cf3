package org.aslwb.training;

import java.util.LinkedHashMap;
import java.util.Map;
import org.aslwb.data.Augmentation;
import org.aslwb.data.SplitMethod;
import org.aslwb.model.Architecture;
import org.aslwb.task.SettingChecks;

/**
 * Everything that decides a training run. Recorded, as text, in the model file.
 *
 * @param architecture the network
 * @param widthMultiplier channel width multiplier (DarkNet-53: 1.0 is the full network)
 * @param inputSize square input side in pixels (32..256)
 * @param epochs maximum number of epochs
 * @param batchSize images per batch (the seed report: 128)
 * @param learningRate Adam's initial learning rate
 * @param schedule how the learning rate changes over epochs
 * @param earlyStopping when to stop before {@code epochs}
 * @param validationFraction share of each class held out for validation
 * @param split how validation is held out (default: frame runs when names carry frame numbers)
 * @param augmentation training-split augmentation
 * @param labelSmoothing share of each training label spread evenly over all classes (0: one-hot);
 *     keeps the network from becoming certain of frames it has memorised, which makes its
 *     validation loss, and the plateau schedule and early stopping that follow it, informative
 * @param seed the seed of every random draw (weights, split, shuffling, augmentation, dropout)
 * @param maxBatchesPerEpoch 0 for full epochs; n to cut each epoch short (smoke tests, demos)
 * @param robustEpsilon the FGSM epsilon (on the [0,1] pixel scale) at which the validation accuracy
 *     under attack is measured after each epoch, or NaN ({@link #NO_ROBUST_EPSILON}) to skip it:
 *     one backward and one forward pass per validation image and epoch
 */
public record TrainingConfig(
    Architecture architecture,
    double widthMultiplier,
    int inputSize,
    int epochs,
    int batchSize,
    double learningRate,
    LearningRateSchedule schedule,
    EarlyStopping earlyStopping,
    double validationFraction,
    SplitMethod split,
    Augmentation augmentation,
    double labelSmoothing,
    long seed,
    int maxBatchesPerEpoch,
    double robustEpsilon) {

  /**
   * Validates ranges with messages fit for a form or a CLI, each naming its setting as the CLI
   * option does.
   */
  public TrainingConfig {
    SettingChecks.between("width", widthMultiplier, 0, false, 2, true);
    SettingChecks.between("size", inputSize, 32, 256);
    SettingChecks.between("epochs", epochs, 1, 100_000);
    SettingChecks.between("batch", batchSize, 1, 4096);
    SettingChecks.between("lr", learningRate, 0, false, 10, false);
    SettingChecks.between("val-fraction", validationFraction, 0, true, 0.9, false);
    if (split == null) {
      throw new IllegalArgumentException("no validation split method");
    }
    SettingChecks.between("label-smoothing", labelSmoothing, 0, true, 0.5, true);
    SettingChecks.atLeast("max-batches", maxBatchesPerEpoch, 0);
    if (!Double.isNaN(robustEpsilon)) {
      SettingChecks.between("robust-eps", robustEpsilon, 0, true, 1, true);
    }
  }

  /** {@link #robustEpsilon()} of a run that does not measure robust accuracy. */
  public static final double NO_ROBUST_EPSILON = Double.NaN;

  /** A run that does not measure robust accuracy. */
  public TrainingConfig(
      Architecture architecture,
      double widthMultiplier,
      int inputSize,
      int epochs,
      int batchSize,
      double learningRate,
      LearningRateSchedule schedule,
      EarlyStopping earlyStopping,
      double validationFraction,
      SplitMethod split,
      Augmentation augmentation,
      double labelSmoothing,
      long seed,
      int maxBatchesPerEpoch) {
    this(
        architecture,
        widthMultiplier,
        inputSize,
        epochs,
        batchSize,
        learningRate,
        schedule,
        earlyStopping,
        validationFraction,
        split,
        augmentation,
        labelSmoothing,
        seed,
        maxBatchesPerEpoch,
        NO_ROBUST_EPSILON);
  }

  /** Whether each epoch measures the validation accuracy under FGSM at {@link #robustEpsilon}. */
  public boolean measuresRobustAccuracy() {
    return !Double.isNaN(robustEpsilon);
  }

  /**
   * Early stopping of {@code aslwb train} and the Train tab: on validation accuracy, since on the
   * frame split the validation loss of a model without label smoothing stays near chance level
   * while its accuracy still climbs (README, "Shift suite and augmentation against domain shift").
   */
  public static final EarlyStopping DEFAULT_EARLY_STOPPING =
      new EarlyStopping(
          EarlyStopping.Monitor.parse(DefaultEarlyStopping.MONITOR),
          DefaultEarlyStopping.MIN_DELTA,
          DefaultEarlyStopping.PATIENCE);

  /**
   * {@link #DEFAULT_EARLY_STOPPING}'s settings as compile-time constants, which the CLI's option
   * defaults (annotation values) can name.
   */
  public static final class DefaultEarlyStopping {
    /** The metric watched. */
    public static final String MONITOR = "val_accuracy";

    /** The smallest change that counts as an improvement. */
    public static final double MIN_DELTA = 1e-3;

    /** Epochs without improvement before stopping. */
    public static final int PATIENCE = 8;

    private DefaultEarlyStopping() {}
  }

  /** The label smoothing of {@code aslwb train} and the Train tab when none is given. */
  public static final double DEFAULT_LABEL_SMOOTHING = 0.1;

  /**
   * The defaults of {@code aslwb train}: the seed report's set-up for the simple CNN at 64x64 with
   * the augmentation, label smoothing and early stopping chosen by measurement (README).
   */
  public static TrainingConfig defaults(Architecture architecture) {
    return new TrainingConfig(
        architecture,
        architecture == Architecture.DARKNET53 ? 0.25 : 1.0,
        64,
        30,
        128,
        1e-3,
        LearningRateSchedule.plateau(0.5, 2, 1e-4),
        DEFAULT_EARLY_STOPPING,
        0.2,
        SplitMethod.AUTO,
        Augmentation.standard(),
        DEFAULT_LABEL_SMOOTHING,
        42,
        0);
  }

  /** A copy with another number of epochs. */
  public TrainingConfig withEpochs(int n) {
    return new TrainingConfig(
        architecture,
        widthMultiplier,
        inputSize,
        n,
        batchSize,
        learningRate,
        schedule,
        earlyStopping,
        validationFraction,
        split,
        augmentation,
        labelSmoothing,
        seed,
        maxBatchesPerEpoch,
        robustEpsilon);
  }

  /**
   * A copy that measures the validation accuracy under FGSM at {@code epsilon} after each epoch.
   */
  public TrainingConfig withRobustEpsilon(double epsilon) {
    return new TrainingConfig(
        architecture,
        widthMultiplier,
        inputSize,
        epochs,
        batchSize,
        learningRate,
        schedule,
        earlyStopping,
        validationFraction,
        split,
        augmentation,
        labelSmoothing,
        seed,
        maxBatchesPerEpoch,
        epsilon);
  }

  /** The settings as text, for the model file. */
  public Map<String, String> asSettings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("model", architecture.id());
    m.put("width", Double.toString(widthMultiplier));
    m.put("size", Integer.toString(inputSize));
    m.put("epochs", Integer.toString(epochs));
    m.put("batch", Integer.toString(batchSize));
    m.put("lr", Double.toString(learningRate));
    m.put("schedule", schedule.toString());
    m.put("early_stopping", earlyStopping.toString());
    m.put("val_fraction", Double.toString(validationFraction));
    m.put("split", split.toString());
    m.put("augmentation", augmentation.toString());
    m.put("label_smoothing", Double.toString(labelSmoothing));
    m.put("seed", Long.toString(seed));
    if (maxBatchesPerEpoch > 0) {
      m.put("max_batches_per_epoch", Integer.toString(maxBatchesPerEpoch));
    }
    if (measuresRobustAccuracy()) {
      m.put("robust_eps", Double.toString(robustEpsilon));
    }
    return m;
  }
}
