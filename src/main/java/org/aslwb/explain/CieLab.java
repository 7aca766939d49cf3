package org.aslwb.explain;

import org.aslwb.data.PixelImage;

/** sRGB to CIELAB under D65, with scikit-image's {@code rgb2lab} constants. */
final class CieLab {
  private static final double[][] M = {
    {0.412453, 0.357580, 0.180423},
    {0.212671, 0.715160, 0.072169},
    {0.019334, 0.119193, 0.950227}
  };
  private static final double[] WHITE = {0.95047, 1.0, 1.08883};

  private CieLab() {}

  /** L, a and b planes of an RGB [0,1] image. */
  static float[][] fromRgb(PixelImage image) {
    int n = image.planeSize();
    float[] d = image.data();
    float[][] lab = new float[3][n];
    for (int i = 0; i < n; i++) {
      double r = linear(d[i]);
      double g = linear(d[n + i]);
      double b = linear(d[2 * n + i]);
      double fx = f((M[0][0] * r + M[0][1] * g + M[0][2] * b) / WHITE[0]);
      double fy = f((M[1][0] * r + M[1][1] * g + M[1][2] * b) / WHITE[1]);
      double fz = f((M[2][0] * r + M[2][1] * g + M[2][2] * b) / WHITE[2]);
      lab[0][i] = (float) (116 * fy - 16);
      lab[1][i] = (float) (500 * (fx - fy));
      lab[2][i] = (float) (200 * (fy - fz));
    }
    return lab;
  }

  private static double linear(double c) {
    return c > 0.04045 ? Math.pow((c + 0.055) / 1.055, 2.4) : c / 12.92;
  }

  private static double f(double t) {
    return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
  }
}
