package org.aslwb.data;

/**
 * Resizes 8-bit RGB pixels to a model's input size.
 *
 * <p>Downscaling averages the source area that each output pixel covers (with fractional coverage
 * at the edges), which is what PIL's BOX/ANTIALIAS filters do and avoids the aliasing of point
 * sampling a 200x200 photo down to 64x64. Upscaling interpolates bilinearly.
 *
 * <p>Each output value is {@code sum_k wy[k] * (sum_j wx[j] * source)} with both sums taken in tap
 * order from zero, whatever the path: the horizontal pass first, then the vertical one. How the
 * passes walk memory is {@link SeparableResize}'s business.
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
    PixelImage resized;
    if (srcWidth == dstWidth && srcHeight == dstHeight) {
      resized = PixelImage.fromArgb(rgb, srcWidth, srcHeight, 3);
    } else {
      int plane = dstWidth * dstHeight;
      float[] out = new float[3 * plane];
      resizeRgb(
          rgb,
          srcWidth,
          srcHeight,
          dstWidth,
          dstHeight,
          (c, y, row) -> System.arraycopy(row, 0, out, c * plane + y * dstWidth, dstWidth));
      resized = new PixelImage(dstWidth, dstHeight, 3, out);
    }
    return channels == 3 ? resized : toGray(resized);
  }

  /**
   * What {@code Sample.quantise(resize(rgb, ...))} returns, to the byte, without the float image in
   * between: the cold loader's path, where the resize costs a third of each photo's time.
   */
  public static byte[] resizeToLevels(
      int[] rgb, int srcWidth, int srcHeight, int dstWidth, int dstHeight, int channels) {
    if (channels != 3) {
      return Sample.quantise(resize(rgb, srcWidth, srcHeight, dstWidth, dstHeight, channels));
    }
    int plane = dstWidth * dstHeight;
    byte[] out = new byte[3 * plane];
    resizeRgb(
        rgb,
        srcWidth,
        srcHeight,
        dstWidth,
        dstHeight,
        (c, y, row) -> {
          int at = c * plane + y * dstWidth;
          for (int x = 0; x < dstWidth; x++) {
            out[at + x] = (byte) Levels.of(row[x]);
          }
        });
    return out;
  }

  /** Receives output row {@code y} of channel {@code c}; the array is reused for the next row. */
  private interface ChannelRows {
    void row(int c, int y, float[] row);
  }

  // the three byte channels of packed pixels, loaded in one pass and resized one after another
  private static void resizeRgb(
      int[] rgb, int srcWidth, int srcHeight, int dstWidth, int dstHeight, ChannelRows rows) {
    SeparableResize resize = SeparableResize.of(srcWidth, srcHeight, dstWidth, dstHeight, 3);
    resize.loadRgb(rgb);
    for (int c = 0; c < 3; c++) {
      int channel = c;
      resize.run(c, (y, row) -> rows.row(channel, y, row));
    }
  }

  /**
   * Resizes a [0,1] image. The operation is linear in the pixel values, which LIME relies on to
   * resize each superpixel's contribution once instead of every perturbed image.
   */
  public static PixelImage resize(PixelImage source, int dstWidth, int dstHeight) {
    if (source.width() == dstWidth && source.height() == dstHeight) {
      return source.copy();
    }
    int srcPlane = source.planeSize();
    int plane = dstWidth * dstHeight;
    float[] out = new float[plane * source.channels()];
    SeparableResize resize =
        SeparableResize.of(source.width(), source.height(), dstWidth, dstHeight, 1);
    for (int c = 0; c < source.channels(); c++) {
      resize.loadPlane(source.data(), c * srcPlane);
      int base = c * plane;
      resize.run(0, (y, row) -> System.arraycopy(row, 0, out, base + y * dstWidth, dstWidth));
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
}
