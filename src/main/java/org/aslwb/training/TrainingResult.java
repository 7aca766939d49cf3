package org.aslwb.training;

import java.nio.file.Path;
import java.util.List;
import org.aslwb.model.EpochMetrics;
import org.aslwb.model.TemperatureScaling;

/**
 * The outcome of a training run.
 *
 * @param model the saved model file (best weights)
 * @param history all epochs, including those of earlier runs when resumed
 * @param bestEpoch the epoch whose weights were kept
 * @param valAccuracy validation accuracy of the kept weights
 * @param valLoss validation loss of the kept weights
 * @param trainImagesPerSecond mean training throughput of this run
 * @param stopReason why training ended
 * @param splitMethod how the validation images were held out ("frames", "random", "blocks:N")
 * @param calibration the temperature fitted on the validation split, or null when none was
 */
public record TrainingResult(
    Path model,
    List<EpochMetrics> history,
    int bestEpoch,
    double valAccuracy,
    double valLoss,
    double trainImagesPerSecond,
    StopReason stopReason,
    String splitMethod,
    TemperatureScaling calibration) {
  /** Why training ended. */
  public enum StopReason {
    /** All epochs ran. */
    COMPLETED,
    /** Early stopping. */
    EARLY_STOPPED,
    /** The user cancelled; the checkpoint allows resuming. */
    CANCELLED,
    /** The loss became NaN or infinite; the best model so far was kept. */
    DIVERGED
  }

  /** Epochs in the history. */
  public int epochsRun() {
    return history.size();
  }
}
