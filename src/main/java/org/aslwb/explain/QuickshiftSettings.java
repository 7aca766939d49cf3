package org.aslwb.explain;

/**
 * Quickshift parameters, as scikit-image names them; {@link #lime()} gives the values the lime
 * package uses, the workbench default.
 *
 * @param kernelSize width of the Gaussian density kernel
 * @param maxDist links longer than this make a new superpixel
 * @param ratio weight of colour against position (applied to the colour channels only)
 * @param convertToLab work in CIELAB (scikit-image's default)
 * @param seed seed of the tie-breaking noise
 */
public record QuickshiftSettings(
    double kernelSize, double maxDist, double ratio, boolean convertToLab, long seed) {
  /** Validates ranges. */
  public QuickshiftSettings {
    if (!(kernelSize > 0) || !(maxDist > 0) || ratio < 0 || ratio > 1) {
      throw new IllegalArgumentException(
          "quickshift needs kernel_size > 0, max_dist > 0, ratio in [0,1]");
    }
  }

  /** lime's call: kernel_size=4, max_dist=200, ratio=0.2, seed 42. */
  public static QuickshiftSettings lime() {
    return new QuickshiftSettings(4, 200, 0.2, true, 42);
  }
}
