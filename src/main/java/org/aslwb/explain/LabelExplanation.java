package org.aslwb.explain;

/**
 * LIME's surrogate for one label.
 *
 * @param label model class index
 * @param className class name
 * @param probability the model's probability for the unperturbed image
 * @param weights one coefficient per superpixel (index = superpixel id), in the explained output
 *     space's units
 * @param intercept surrogate intercept
 * @param score weighted R^2 of the surrogate on the samples
 * @param localPrediction the surrogate's prediction for the unperturbed image
 * @param informativeness the largest |weight| next to the explained output's range
 */
public record LabelExplanation(
    int label,
    String className,
    double probability,
    double[] weights,
    double intercept,
    double score,
    double localPrediction,
    Informativeness informativeness) {
  /** Superpixel ids by descending |weight| (lime's ordering). */
  public int[] ranking() {
    return byMagnitude(weights);
  }

  /** Indices of {@code weights} by descending |weight|, the first on ties. */
  public static int[] byMagnitude(double[] weights) {
    return java.util.stream.IntStream.range(0, weights.length)
        .boxed()
        .sorted((a, b) -> Double.compare(Math.abs(weights[b]), Math.abs(weights[a])))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** 1-based rank of superpixel {@code id} by |weight|. */
  public int rankOf(int id) {
    int[] r = ranking();
    for (int i = 0; i < r.length; i++) {
      if (r[i] == id) {
        return i + 1;
      }
    }
    return -1;
  }

  /** The explained output space. */
  public OutputSpace outputSpace() {
    return informativeness.space();
  }
}
