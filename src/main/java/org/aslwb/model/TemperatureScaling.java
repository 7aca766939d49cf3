package org.aslwb.model;

/**
 * A fitted softmax temperature and what it did, as the model file keeps it (Guo et al. 2017, "On
 * Calibration of Modern Neural Networks"). Probabilities become {@code softmax(log p / T)}: the
 * predicted class never changes, only how sure the model says it is.
 *
 * @param temperature T; above 1 softens over-confident probabilities
 * @param split the images it was fitted on: "val" (with {@code splitMethod}) or "external"
 * @param splitMethod how the validation split was held out ("frames", "random", "blocks:N")
 * @param images number of images fitted on
 * @param eceBefore expected calibration error (15 bins) before scaling
 * @param eceAfter the same after scaling
 * @param nllBefore mean negative log-likelihood before scaling
 * @param nllAfter the same after scaling
 */
public record TemperatureScaling(
    double temperature,
    String split,
    String splitMethod,
    int images,
    double eceBefore,
    double eceAfter,
    double nllBefore,
    double nllAfter) {

  /** Validates the temperature. */
  public TemperatureScaling {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be positive, got " + temperature);
    }
  }

  /** {@code softmax(log p / t)}: {@code p} rescaled by temperature {@code t}. */
  public static float[] apply(float[] p, double t) {
    if (t == 1) {
      return p.clone();
    }
    double[] logits = new double[p.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < p.length; k++) {
      // the network gives probabilities: their logs are the logits up to a constant
      logits[k] = Math.log(Math.max(p[k], Float.MIN_NORMAL)) / t;
      max = Math.max(max, logits[k]);
    }
    double sum = 0;
    for (int k = 0; k < p.length; k++) {
      logits[k] = Math.exp(logits[k] - max);
      sum += logits[k];
    }
    float[] out = new float[p.length];
    for (int k = 0; k < p.length; k++) {
      out[k] = (float) (logits[k] / sum);
    }
    return out;
  }
}
