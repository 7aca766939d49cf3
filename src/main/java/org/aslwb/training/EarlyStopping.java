package org.aslwb.training;

import java.util.List;
import org.aslwb.model.EpochMetrics;
import org.aslwb.task.SettingChecks;

/**
 * Keras-style early stopping: stop after {@code patience} epochs in which the monitored metric did
 * not improve on its best by more than {@code minDelta}; the best epoch's weights are kept.
 * Stateless over the history, so it survives a resume.
 *
 * @param monitor the metric watched
 * @param minDelta the smallest change that counts as an improvement
 * @param patience epochs without improvement before stopping (0 disables early stopping)
 */
public record EarlyStopping(Monitor monitor, double minDelta, int patience) {
  /** Metrics that can be monitored. */
  public enum Monitor {
    /** Validation loss, lower is better (Keras' default). */
    VAL_LOSS,
    /** Validation accuracy, higher is better. */
    VAL_ACCURACY;

    /** Parses "val_loss" / "val_accuracy". */
    public static Monitor parse(String s) {
      return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "val_loss", "loss" -> VAL_LOSS;
        case "val_accuracy", "val_acc", "accuracy" -> VAL_ACCURACY;
        default -> throw new IllegalArgumentException("monitor must be val_loss or val_accuracy");
      };
    }
  }

  /** Validates. */
  public EarlyStopping {
    SettingChecks.atLeast("min-delta", minDelta, 0);
    SettingChecks.atLeast("patience", patience, 0);
  }

  /** The 1-based epoch with the best monitored value (the last one that improved), or 0. */
  public int bestEpoch(List<EpochMetrics> history) {
    int best = 0;
    double bestValue = Double.NaN;
    for (EpochMetrics m : history) {
      double v = score(m);
      if (Double.isNaN(v)) {
        continue;
      }
      if (best == 0 || v > bestValue + minDelta) {
        best = m.epoch();
        bestValue = v;
      }
    }
    return best;
  }

  /** Whether training should stop after the last epoch of {@code history}. */
  public boolean shouldStop(List<EpochMetrics> history) {
    if (patience == 0 || history.isEmpty()) {
      return false;
    }
    int last = history.get(history.size() - 1).epoch();
    return last - bestEpoch(history) >= patience;
  }

  /**
   * The monitored value made "higher is better"; falls back to training loss without validation.
   */
  private double score(EpochMetrics m) {
    return switch (monitor) {
      case VAL_LOSS -> -(Double.isNaN(m.valLoss()) ? m.trainLoss() : m.valLoss());
      case VAL_ACCURACY -> Double.isNaN(m.valAccuracy()) ? m.trainAccuracy() : m.valAccuracy();
    };
  }

  @Override
  public String toString() {
    return monitor.name().toLowerCase(java.util.Locale.ROOT)
        + " min_delta="
        + minDelta
        + " patience="
        + patience;
  }
}
