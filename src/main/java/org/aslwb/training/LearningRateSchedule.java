package org.aslwb.training;

import java.util.List;
import org.aslwb.model.EpochMetrics;
import org.aslwb.task.SettingChecks;

/**
 * Learning rate per epoch. Every schedule is a pure function of the epoch and the history so far,
 * so a resumed run continues with exactly the rate an uninterrupted run would have used.
 *
 * @param kind constant, step, exponential or reduce-on-plateau
 * @param factor multiplier applied at each step / epoch / plateau
 * @param stepEpochs epochs per step (step), or plateau patience (plateau)
 * @param minRate floor for the plateau schedule
 */
public record LearningRateSchedule(Kind kind, double factor, int stepEpochs, double minRate) {
  /** The schedule kinds. */
  public enum Kind {
    /** Same rate throughout. */
    CONSTANT,
    /** Multiply by {@code factor} every {@code stepEpochs} epochs. */
    STEP,
    /** Multiply by {@code factor} every epoch. */
    EXPONENTIAL,
    /** Multiply by {@code factor} after {@code stepEpochs} epochs without validation-loss gain. */
    PLATEAU
  }

  /** Validates the parameters. */
  public LearningRateSchedule {
    SettingChecks.between("schedule factor", factor, 0, false, 1, true);
    SettingChecks.atLeast("schedule epochs", stepEpochs, 1);
    SettingChecks.atLeast("schedule minimum rate", minRate, 0);
  }

  /** A constant rate. */
  public static LearningRateSchedule constant() {
    return new LearningRateSchedule(Kind.CONSTANT, 1, 1, 0);
  }

  /** Keras' ReduceLROnPlateau on the validation loss. */
  public static LearningRateSchedule plateau(double factor, int patience, double minRate) {
    return new LearningRateSchedule(Kind.PLATEAU, factor, patience, minRate);
  }

  /** Parses "constant", "step:0.5:10", "exp:0.95", "plateau:0.5:2". */
  public static LearningRateSchedule parse(String text) {
    String[] p = text.trim().toLowerCase(java.util.Locale.ROOT).split(":");
    try {
      return switch (p[0]) {
        case "constant", "none" -> constant();
        case "step" -> new LearningRateSchedule(Kind.STEP, arg(p, 1, 0.5), (int) arg(p, 2, 10), 0);
        case "exp", "exponential" ->
            new LearningRateSchedule(Kind.EXPONENTIAL, arg(p, 1, 0.95), 1, 0);
        case "plateau" -> plateau(arg(p, 1, 0.5), (int) arg(p, 2, 2), 1e-5);
        default -> throw new IllegalArgumentException("unknown schedule '" + text + "'");
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad schedule '" + text + "': " + e.getMessage());
    }
  }

  private static double arg(String[] parts, int i, double fallback) {
    return parts.length > i ? Double.parseDouble(parts[i]) : fallback;
  }

  /** The rate for 1-based {@code epoch}, given the metrics of the epochs before it. */
  public double rate(double base, int epoch, List<EpochMetrics> history) {
    return switch (kind) {
      case CONSTANT -> base;
      case STEP -> base * Math.pow(factor, (epoch - 1) / stepEpochs);
      case EXPONENTIAL -> base * Math.pow(factor, epoch - 1);
      case PLATEAU -> plateauRate(base, history);
    };
  }

  private double plateauRate(double base, List<EpochMetrics> history) {
    double rate = base;
    double best = Double.POSITIVE_INFINITY;
    int wait = 0;
    for (EpochMetrics m : history) {
      double monitored = Double.isNaN(m.valLoss()) ? m.trainLoss() : m.valLoss();
      if (monitored < best - 1e-4) {
        best = monitored;
        wait = 0;
      } else if (++wait >= stepEpochs) {
        rate = Math.max(minRate, rate * factor);
        wait = 0;
      }
    }
    return rate;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case CONSTANT -> "constant";
      case STEP -> "step:" + factor + ":" + stepEpochs;
      case EXPONENTIAL -> "exp:" + factor;
      case PLATEAU -> "plateau:" + factor + ":" + stepEpochs;
    };
  }
}
