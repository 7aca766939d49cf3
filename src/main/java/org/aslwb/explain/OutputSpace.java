package org.aslwb.explain;

import java.util.Locale;

/**
 * The model output a LIME surrogate explains. The lime package explains the probability; for a
 * confident model every perturbed image still scores about 1, so every weight is tiny. The log
 * probability and the logit margin (the class's logit minus the best other class's) keep moving
 * where the probability has saturated. All three are computed from the classifier's probabilities,
 * so a model's fitted temperature applies: with temperature T the margin is {@code (z_c - z_j) /
 * T}.
 */
public enum OutputSpace {
  /** {@code p_c}, lime's default, on [0,1]. */
  PROBABILITY("probability"),
  /** {@code log p_c}. */
  LOG_PROBABILITY("log_probability"),
  /** {@code z_c - max_{j != c} z_j = log p_c - max_{j != c} log p_j}. */
  LOGIT_MARGIN("logit_margin");

  private final String id;

  OutputSpace(String id) {
    this.id = id;
  }

  /** The name in files and on the command line ("probability", "log_probability", ...). */
  public String id() {
    return id;
  }

  /** A short label for the UI. */
  public String displayName() {
    return switch (this) {
      case PROBABILITY -> "probability";
      case LOG_PROBABILITY -> "log-probability";
      case LOGIT_MARGIN -> "logit margin";
    };
  }

  /**
   * Parses "probability", "log-probability"/"logprob", "margin"/"logit-margin"; null for "auto".
   */
  public static OutputSpace parseOrAuto(String name) {
    String n = name.toLowerCase(Locale.ROOT).replace('-', '_');
    return switch (n) {
      case "auto" -> null;
      case "probability", "prob", "p" -> PROBABILITY;
      case "log_probability", "logprob", "log_p" -> LOG_PROBABILITY;
      case "logit_margin", "margin" -> LOGIT_MARGIN;
      default ->
          throw new IllegalArgumentException(
              "unknown output space '"
                  + name
                  + "' (use auto, probability, log-probability or margin)");
    };
  }

  /** This output for class {@code label} given one image's probabilities. */
  public double of(float[] p, int label) {
    return switch (this) {
      case PROBABILITY -> p[label];
      case LOG_PROBABILITY -> logProbability(p, label);
      case LOGIT_MARGIN -> logitMargin(p, label);
    };
  }

  // probabilities that underflowed to 0 are read as the smallest normal float, as the temperature
  // scaling does, so that no output becomes infinite
  private static double log(float p) {
    return Math.log(Math.max(p, Float.MIN_NORMAL));
  }

  /**
   * {@code log p_c} as {@code -log1p(sum_{j != c} p_j / p_c)}: near p_c = 1 this keeps the digits
   * that {@code log(p_c)} of a float loses (log(0.999996f) has one significant digit left).
   */
  static double logProbability(float[] p, int label) {
    double rest = 0;
    for (int j = 0; j < p.length; j++) {
      if (j != label) {
        rest += p[j];
      }
    }
    double pc = Math.max(p[label], Float.MIN_NORMAL);
    return -Math.log1p(rest / pc);
  }

  /** {@code log p_c - max_{j != c} log p_j}: the softmax's normalising constant cancels. */
  static double logitMargin(float[] p, int label) {
    float runnerUp = -1;
    for (int j = 0; j < p.length; j++) {
      if (j != label && p[j] > runnerUp) {
        runnerUp = p[j];
      }
    }
    return log(p[label]) - log(runnerUp);
  }
}
