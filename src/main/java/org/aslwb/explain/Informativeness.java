package org.aslwb.explain;

/**
 * Whether a surrogate's weights say anything next to the output they explain: the largest |weight|
 * as a fraction of the output's range. A probability's range is [0,1]; the log probability and the
 * margin are unbounded, so their range is the spread the perturbed samples produced (max - min).
 *
 * @param space the explained output
 * @param range the output's range, as above
 * @param topWeightFraction max |weight| / range
 */
public record Informativeness(OutputSpace space, double range, double topWeightFraction) {
  /** Below this fraction (1% of the range) the weights are called tiny next to the prediction. */
  public static final double TINY = 0.01;

  /** Measures {@code weights} against the outputs {@code y} of the perturbed samples. */
  public static Informativeness of(OutputSpace space, double[] weights, double[] y) {
    double range;
    if (space == OutputSpace.PROBABILITY) {
      range = 1;
    } else {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double v : y) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      range = max - min;
    }
    double top = 0;
    for (double w : weights) {
      top = Math.max(top, Math.abs(w));
    }
    return new Informativeness(space, range, range > 0 ? top / range : 0);
  }

  /** Whether every |weight| is below {@link #TINY} of the range. */
  public boolean saturated() {
    return !(topWeightFraction >= TINY);
  }

  /** A sentence for the UI and files when the weights are tiny; empty otherwise. */
  public String warning() {
    return saturated()
        ? String.format(
            java.util.Locale.ROOT,
            "every |weight| is below %.0f%% of the %s's range (largest: %.2g%%): the output hardly"
                + " moves when superpixels are hidden, so the ranking is noise%s",
            TINY * 100,
            space.displayName(),
            topWeightFraction * 100,
            space == OutputSpace.LOGIT_MARGIN ? "" : "; explain the logit margin instead")
        : "";
  }
}
