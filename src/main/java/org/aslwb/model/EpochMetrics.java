package org.aslwb.model;

/**
 * What one training epoch measured; the model file keeps the whole history.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean training loss over the epoch
 * @param trainAccuracy training accuracy over the epoch (with augmentation and dropout active)
 * @param valLoss validation loss in inference mode (NaN without a validation split)
 * @param valAccuracy validation accuracy (NaN without a validation split)
 * @param learningRate learning rate used in the epoch
 * @param imagesPerSecond training throughput
 * @param seconds wall time of the epoch
 * @param robustEpsilon the FGSM epsilon (on the [0,1] pixel scale) of {@code robustAccuracy}, or
 *     null when the run did not measure it (and in files from before it could)
 * @param robustAccuracy validation accuracy on FGSM images at {@code robustEpsilon}, made in
 *     inference mode against the epoch's weights; null when not measured
 */
public record EpochMetrics(
    int epoch,
    double trainLoss,
    double trainAccuracy,
    double valLoss,
    double valAccuracy,
    double learningRate,
    double imagesPerSecond,
    double seconds,
    Double robustEpsilon,
    Double robustAccuracy) {

  /** Metrics of an epoch whose robust accuracy was not measured. */
  public EpochMetrics(
      int epoch,
      double trainLoss,
      double trainAccuracy,
      double valLoss,
      double valAccuracy,
      double learningRate,
      double imagesPerSecond,
      double seconds) {
    this(
        epoch,
        trainLoss,
        trainAccuracy,
        valLoss,
        valAccuracy,
        learningRate,
        imagesPerSecond,
        seconds,
        null,
        null);
  }

  /** Whether this epoch's robust accuracy was measured. */
  public boolean hasRobustAccuracy() {
    return robustAccuracy != null;
  }
}
