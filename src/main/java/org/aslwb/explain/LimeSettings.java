package org.aslwb.explain;

/**
 * LIME parameters with the lime package's defaults for images.
 *
 * @param samples perturbed images (lime: 1000)
 * @param kernelWidth width of the exponential kernel on cosine distance (lime: 0.25)
 * @param topLabels labels explained, the most probable first (lime: 5)
 * @param hideColour fill for hidden superpixels: null = each superpixel's mean colour (lime's
 *     {@code hide_color=None}), else an RGB triple in [0,1]
 * @param ridgeAlpha ridge penalty of the surrogate (lime: 1)
 * @param segmentation quickshift parameters
 * @param seed seed of the perturbation draws
 * @param batchSize perturbed images per classifier call (a speed knob only)
 */
public record LimeSettings(
    int samples,
    double kernelWidth,
    int topLabels,
    float[] hideColour,
    double ridgeAlpha,
    QuickshiftSettings segmentation,
    long seed,
    int batchSize) {
  /** Validates ranges. */
  public LimeSettings {
    if (samples < 2) {
      throw new IllegalArgumentException("LIME needs at least 2 samples");
    }
    if (!(kernelWidth > 0)) {
      throw new IllegalArgumentException("kernel width must be positive");
    }
    if (topLabels < 1 || batchSize < 1) {
      throw new IllegalArgumentException("top labels and batch size must be at least 1");
    }
  }

  /** lime's defaults, seed 42. */
  public static LimeSettings defaults() {
    return new LimeSettings(1000, 0.25, 5, null, 1.0, QuickshiftSettings.lime(), 42, 250);
  }

  /** A copy with another sample count and seed. */
  public LimeSettings with(int newSamples, long newSeed) {
    return new LimeSettings(
        newSamples,
        kernelWidth,
        topLabels,
        hideColour,
        ridgeAlpha,
        segmentation,
        newSeed,
        batchSize);
  }

  /** A copy with other segmentation parameters. */
  public LimeSettings with(QuickshiftSettings newSegmentation) {
    return new LimeSettings(
        samples, kernelWidth, topLabels, hideColour, ridgeAlpha, newSegmentation, seed, batchSize);
  }
}
