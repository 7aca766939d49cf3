package org.aslwb.explain;

import org.aslwb.task.SettingChecks;

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
  /** Validates ranges, naming each setting as the CLI option does. */
  public QuickshiftSettings {
    SettingChecks.positive("kernel-size", kernelSize);
    SettingChecks.positive("max-dist", maxDist);
    SettingChecks.between("ratio", ratio, 0, true, 1, true);
  }

  /** lime's call: kernel_size=4, max_dist=200, ratio=0.2, seed 42. */
  public static QuickshiftSettings lime() {
    return new QuickshiftSettings(4, 200, 0.2, true, 42);
  }
}
