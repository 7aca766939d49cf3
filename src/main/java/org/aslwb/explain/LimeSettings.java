package org.aslwb.explain;

import org.aslwb.task.SettingChecks;

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
  /** Validates ranges, naming each setting as the CLI option does. */
  public LimeSettings {
    SettingChecks.between("samples", samples, 2, 1_000_000);
    SettingChecks.positive("kernel-width", kernelWidth);
    SettingChecks.atLeast("top-labels", topLabels, 1);
    SettingChecks.atLeast("ridge-alpha", ridgeAlpha, 0);
    SettingChecks.atLeast("lime batch size", batchSize, 1);
    if (hideColour != null) {
      if (hideColour.length != 3) {
        throw new IllegalArgumentException("hide colour needs 3 values (RGB)");
      }
      for (float c : hideColour) {
        SettingChecks.between("hide colour", c, 0, true, 1, true);
      }
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
