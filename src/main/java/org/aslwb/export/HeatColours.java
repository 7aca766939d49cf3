package org.aslwb.export;

/** The confusion heat map's colour scale, shared by the app's heat map and the exported image. */
public final class HeatColours {
  private HeatColours() {}

  /** White (0) to deep blue (1) as RGB components in [0,1]; {@code v} is clamped. */
  public static double[] rgb(double v) {
    double t = Math.max(0, Math.min(1, v));
    return new double[] {1 - 0.9 * t, 1 - 0.7 * t, 1 - 0.25 * t};
  }

  /** The same colour packed as 0xRRGGBB. */
  public static int packed(double v) {
    double[] c = rgb(v);
    return ((int) Math.round(c[0] * 255) << 16)
        | ((int) Math.round(c[1] * 255) << 8)
        | (int) Math.round(c[2] * 255);
  }
}
