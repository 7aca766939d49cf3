package org.aslwb.data;

/**
 * Resizes 8-bit RGB pixels to a model's input size.
 *
 * <p>Downscaling averages the source area that each output pixel covers (with fractional coverage
 * at the edges), which is what PIL's BOX/ANTIALIAS filters do and avoids the aliasing of point
 * sampling a 200x200 photo down to 64x64. Upscaling interpolates bilinearly.
 */
public final class Resampler {
  private Resampler() {}

  /**
   * Resizes packed RGB ints to a channel-major float image on the [0,1] scale.
   *
   * @param rgb packed 0xRRGGBB pixels, row-major
   * @param channels 3 for RGB output, 1 for luminance
   */
  public static PixelImage resize(
      int[] rgb, int srcWidth, int srcHeight, int dstWidth, int dstHeight, int channels) {
    PixelImage source = PixelImage.fromArgb(rgb, srcWidth, srcHeight, 3);
    PixelImage resized = resize(source, dstWidth, dstHeight);
    return channels == 3 ? resized : toGray(resized);
  }

  /**
   * Resizes a [0,1] image. The operation is linear in the pixel values, which LIME relies on to
   * resize each superpixel's contribution once instead of every perturbed image.
   */
  public static PixelImage resize(PixelImage source, int dstWidth, int dstHeight) {
    if (source.width() == dstWidth && source.height() == dstHeight) {
      return source.copy();
    }
    Axis xs = Axis.of(source.width(), dstWidth);
    Axis ys = Axis.of(source.height(), dstHeight);
    int srcPlane = source.planeSize();
    int plane = dstWidth * dstHeight;
    float[] out = new float[plane * source.channels()];
    float[] rows = new float[dstWidth * source.height()];
    float[] resized = new float[plane];
    float[] src = new float[srcPlane];
    for (int c = 0; c < source.channels(); c++) {
      System.arraycopy(source.data(), c * srcPlane, src, 0, srcPlane);
      resizeRows(src, source.width(), source.height(), xs, rows);
      resizeColumns(rows, dstWidth, ys, resized);
      System.arraycopy(resized, 0, out, c * plane, plane);
    }
    return new PixelImage(dstWidth, dstHeight, source.channels(), out);
  }

  private static PixelImage toGray(PixelImage rgb) {
    int plane = rgb.planeSize();
    float[] d = rgb.data();
    float[] g = new float[plane];
    for (int i = 0; i < plane; i++) {
      g[i] = 0.299f * d[i] + 0.587f * d[plane + i] + 0.114f * d[2 * plane + i];
    }
    return new PixelImage(rgb.width(), rgb.height(), 1, g);
  }

  private static void resizeRows(float[] src, int srcWidth, int srcHeight, Axis xs, float[] dst) {
    int dstWidth = xs.size();
    for (int y = 0; y < srcHeight; y++) {
      int base = y * srcWidth;
      for (int x = 0; x < dstWidth; x++) {
        float sum = 0;
        int start = xs.start[x];
        float[] weights = xs.weights[x];
        for (int k = 0; k < weights.length; k++) {
          sum += weights[k] * src[base + start + k];
        }
        dst[y * dstWidth + x] = sum;
      }
    }
  }

  // taps outside, pixels inside: the JIT vectorises the inner loop, and each pixel still sums its
  // taps in order, so the result is the per-pixel loop's to the bit
  private static void resizeColumns(float[] src, int width, Axis ys, float[] dst) {
    java.util.Arrays.fill(dst, 0, ys.size() * width, 0f);
    for (int y = 0; y < ys.size(); y++) {
      int start = ys.start[y];
      float[] weights = ys.weights[y];
      int row = y * width;
      for (int k = 0; k < weights.length; k++) {
        float weight = weights[k];
        int from = (start + k) * width;
        for (int x = 0; x < width; x++) {
          dst[row + x] += weight * src[from + x];
        }
      }
    }
  }

  /** Per output index: the first source index and the weights of the sources it mixes. */
  private record Axis(int[] start, float[][] weights) {
    int size() {
      return start.length;
    }

    static Axis of(int src, int dst) {
      int[] start = new int[dst];
      float[][] weights = new float[dst][];
      double scale = (double) src / dst;
      for (int i = 0; i < dst; i++) {
        if (scale >= 1) {
          double from = i * scale;
          double to = from + scale;
          int first = (int) Math.floor(from);
          int last = Math.min(src - 1, (int) Math.ceil(to) - 1);
          float[] w = new float[last - first + 1];
          for (int k = first; k <= last; k++) {
            double covered = Math.min(to, k + 1) - Math.max(from, k);
            w[k - first] = (float) (covered / scale);
          }
          start[i] = first;
          weights[i] = w;
        } else {
          double centre = (i + 0.5) * scale - 0.5;
          int first = (int) Math.floor(centre);
          float frac = (float) (centre - first);
          int lo = Math.max(0, Math.min(src - 1, first));
          int hi = Math.max(0, Math.min(src - 1, first + 1));
          if (lo == hi) {
            start[i] = lo;
            weights[i] = new float[] {1f};
          } else {
            start[i] = lo;
            weights[i] = new float[] {1 - frac, frac};
          }
        }
      }
      return new Axis(start, weights);
    }
  }
}
