package org.aslwb.data;

import java.util.Arrays;

/**
 * An image as the models see it: channel-major (CHW) floats on the [0,1] pixel scale.
 *
 * <p>This is the currency between data, models, attacks and explanations, so that none of them
 * needs to know about AWT, JavaFX or ND4J. The array is owned by the image; methods that change
 * pixels return a new image.
 *
 * @param width pixels per row
 * @param height rows
 * @param channels 3 for RGB, 1 for grayscale
 * @param data {@code channels * height * width} values, index {@code (c * height + y) * width + x}
 */
public record PixelImage(int width, int height, int channels, float[] data) {
  /** Checks that the array matches the shape. */
  public PixelImage {
    if (width <= 0 || height <= 0 || channels <= 0) {
      throw new IllegalArgumentException(
          "bad image shape " + width + "x" + height + "x" + channels);
    }
    if (data.length != width * height * channels) {
      throw new IllegalArgumentException(
          "expected " + width * height * channels + " values, got " + data.length);
    }
  }

  /** A black image of the given shape. */
  public static PixelImage blank(int width, int height, int channels) {
    return new PixelImage(width, height, channels, new float[width * height * channels]);
  }

  /** The value of channel {@code c} at column {@code x}, row {@code y}. */
  public float get(int c, int y, int x) {
    return data[(c * height + y) * width + x];
  }

  /** Number of values (pixels times channels). */
  public int size() {
    return data.length;
  }

  /** Pixels per channel plane. */
  public int planeSize() {
    return width * height;
  }

  /** A deep copy. */
  public PixelImage copy() {
    return new PixelImage(width, height, channels, data.clone());
  }

  /** Whether both images have the same width, height and channels. */
  public boolean sameShape(PixelImage other) {
    return width == other.width && height == other.height && channels == other.channels;
  }

  /** Largest absolute difference to another image of the same shape (the L-infinity distance). */
  public float maxAbsDifference(PixelImage other) {
    float max = 0;
    for (int i = 0; i < data.length; i++) {
      max = Math.max(max, Math.abs(data[i] - other.data[i]));
    }
    return max;
  }

  /** Euclidean (L2) distance to another image of the same shape. */
  public double l2Distance(PixelImage other) {
    double sum = 0;
    for (int i = 0; i < data.length; i++) {
      double d = data[i] - other.data[i];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  /** Packs the image as ARGB ints (grayscale repeated on all three colours), for display. */
  public int[] toArgb() {
    int plane = planeSize();
    int[] argb = new int[plane];
    for (int i = 0; i < plane; i++) {
      int r = Levels.of(data[i]);
      int g = channels >= 3 ? Levels.of(data[plane + i]) : r;
      int b = channels >= 3 ? Levels.of(data[2 * plane + i]) : r;
      argb[i] = 0xFF000000 | (r << 16) | (g << 8) | b;
    }
    return argb;
  }

  /** Builds an image from ARGB ints, keeping {@code channels} of them (1 = luminance, 3 = RGB). */
  public static PixelImage fromArgb(int[] argb, int width, int height, int channels) {
    int plane = width * height;
    float[] data = new float[plane * channels];
    for (int i = 0; i < plane; i++) {
      int p = argb[i];
      float r = ((p >> 16) & 0xFF) / 255f;
      float g = ((p >> 8) & 0xFF) / 255f;
      float b = (p & 0xFF) / 255f;
      if (channels == 1) {
        data[i] = 0.299f * r + 0.587f * g + 0.114f * b;
      } else {
        data[i] = r;
        data[plane + i] = g;
        data[2 * plane + i] = b;
      }
    }
    return new PixelImage(width, height, channels, data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PixelImage p
        && p.width == width
        && p.height == height
        && p.channels == channels
        && Arrays.equals(p.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * width + height) + channels) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "PixelImage[" + width + "x" + height + "x" + channels + "]";
  }
}
