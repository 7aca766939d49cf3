package org.aslwb.explain;

import org.aslwb.data.PixelImage;

/**
 * Draws explanations as ARGB pixels, for the UI and for exported PNGs: superpixel boundaries, and
 * weight overlays tinted green (positive) or red (negative) with intensity by |weight|.
 */
public final class OverlayRenderer {
  private OverlayRenderer() {}

  /** The image with superpixel boundaries drawn in yellow. */
  public static int[] boundaries(PixelImage image, Segmentation segments) {
    int[] argb = image.toArgb();
    for (int y = 0; y < segments.height(); y++) {
      for (int x = 0; x < segments.width(); x++) {
        if (segments.isBoundary(x, y)) {
          argb[y * segments.width() + x] = 0xFFFFD400;
        }
      }
    }
    return argb;
  }

  /**
   * The image tinted by superpixel weight; superpixels filtered out by {@code shown} stay as they
   * are.
   *
   * @param shown per superpixel, whether to tint it
   */
  public static int[] weights(
      PixelImage image, Segmentation segments, double[] weights, boolean[] shown) {
    double max = 1e-12;
    for (int j = 0; j < weights.length; j++) {
      if (shown[j]) {
        max = Math.max(max, Math.abs(weights[j]));
      }
    }
    int[] argb = image.toArgb();
    for (int y = 0; y < segments.height(); y++) {
      for (int x = 0; x < segments.width(); x++) {
        int p = y * segments.width() + x;
        int s = segments.labels()[p];
        if (segments.isBoundary(x, y)) {
          argb[p] = 0xFFFFD400;
        } else if (shown[s]) {
          double a = 0.65 * Math.abs(weights[s]) / max;
          int tint = weights[s] >= 0 ? 0x00C853 : 0xE53935;
          argb[p] = blend(argb[p], tint, a);
        }
      }
    }
    return argb;
  }

  /**
   * The image with an attribution map laid over it: the map resized to the image, scaled by its
   * maximum, shown from transparent through red to yellow.
   */
  public static int[] heat(PixelImage image, AttributionMap map) {
    float[] v = map.resized(image.width(), image.height());
    float max = Math.max(1e-30f, map.max());
    int[] argb = image.toArgb();
    for (int p = 0; p < argb.length; p++) {
      double t = Math.min(1, Math.max(0, v[p] / max));
      int tint = 0xFF0000 | ((int) Math.round(255 * t) << 8);
      argb[p] = blend(argb[p], tint, 0.7 * t);
    }
    return argb;
  }

  /** Which superpixels lime's {@code get_image_and_mask} would show. */
  public static boolean[] topMask(
      LabelExplanation e, int k, boolean positive, boolean negative, double minWeight) {
    boolean[] shown = new boolean[e.weights().length];
    int taken = 0;
    for (int id : e.ranking()) {
      double w = e.weights()[id];
      if (taken >= k) {
        break;
      }
      if (Math.abs(w) < minWeight) {
        continue;
      }
      if ((w > 0 && positive) || (w < 0 && negative)) {
        shown[id] = true;
        taken++;
      }
    }
    return shown;
  }

  private static int blend(int argb, int rgb, double a) {
    int r = (int) (((argb >> 16) & 0xFF) * (1 - a) + ((rgb >> 16) & 0xFF) * a);
    int g = (int) (((argb >> 8) & 0xFF) * (1 - a) + ((rgb >> 8) & 0xFF) * a);
    int b = (int) ((argb & 0xFF) * (1 - a) + (rgb & 0xFF) * a);
    return 0xFF000000 | (r << 16) | (g << 8) | b;
  }
}
