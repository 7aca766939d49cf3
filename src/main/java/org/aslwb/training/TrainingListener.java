package org.aslwb.training;

import org.aslwb.model.EpochMetrics;

/** Receives training progress; called on the training thread, so implementations must be quick. */
public interface TrainingListener {
  /** Training (or a resumed run) starts. */
  default void onStart(int trainImages, int validationImages, int firstEpoch) {}

  /**
   * The validation split is made ({@code "frames"}, {@code "random"}, {@code "blocks:N"}; the
   * default picks one by the file names), with why; called before {@link #onStart}.
   */
  default void onSplit(String method, String reason) {}

  /**
   * A resumed run continues after these finished epochs (so curves can show them again); called
   * right after {@link #onStart}.
   */
  default void onResumed(java.util.List<EpochMetrics> history) {}

  /** One batch was trained. */
  default void onIteration(IterationProgress progress) {}

  /** One epoch finished; {@code improved} when it is the new best. */
  default void onEpoch(EpochMetrics metrics, boolean improved) {}

  /** A line worth showing (checkpoint written, early stop, NaN, ...). */
  default void onMessage(String message) {}

  /**
   * Progress within an epoch.
   *
   * @param epoch 1-based epoch
   * @param batch 1-based batch within the epoch
   * @param batches batches per epoch
   * @param loss this batch's training loss
   * @param learningRate current learning rate
   * @param imagesPerSecond training throughput so far in this epoch
   * @param etaSeconds estimated seconds until the last epoch ends
   */
  record IterationProgress(
      int epoch,
      int batch,
      int batches,
      double loss,
      double learningRate,
      double imagesPerSecond,
      double etaSeconds) {}
}
