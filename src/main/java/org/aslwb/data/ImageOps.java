package org.aslwb.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Pure image transforms on [0,1] images: the one implementation of each operation behind both the
 * training augmentations ({@link Augmenter}) and the shift suite ({@link Corruption}). Every method
 * returns a new image with its values clamped to [0,1]; randomness comes only from a caller's
 * seeded {@link Random}.
 */
public final class ImageOps {
  private ImageOps() {}

  /**
   * An inverse affine map: output pixel (x, y) samples the source at {@code (a x + b y + c, d x + e
   * y + f)}.
   */
  public record Affine(double a, double b, double c, double d, double e, double f) {
    /** Scales about the image centre by {@code scale} (below 1 shrinks) and then shifts. */
    public static Affine scaleAndShift(int w, int h, double scale, double dx, double dy) {
      double cx = (w - 1) / 2.0;
      double cy = (h - 1) / 2.0;
      // source = centre + (output - centre - shift) / scale
      return new Affine(1 / scale, 0, cx - (cx + dx) / scale, 0, 1 / scale, cy - (cy + dy) / scale);
    }
  }

  /**
   * Resamples {@code image} bilinearly through {@code map}. Outside the source, {@code fill} gives
   * the colour (one value per channel), or edge pixels are repeated when it is null (Keras' {@code
   * fill_mode='nearest'}).
   */
  public static PixelImage warp(PixelImage image, Affine map, float[] fill) {
    int w = image.width();
    int h = image.height();
    int channels = image.channels();
    int plane = w * h;
    float[] src = image.data();
    float[] out = new float[src.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double sx = map.a() * x + map.b() * y + map.c();
        double sy = map.d() * x + map.e() * y + map.f();
        int at = y * w + x;
        if (fill == null) {
          sx = Math.max(0, Math.min(w - 1, sx));
          sy = Math.max(0, Math.min(h - 1, sy));
        }
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        float ax = (float) (sx - x0);
        float ay = (float) (sy - y0);
        // the four neighbours, found once for all channels: their offsets (clamped to the edge)
        // and, with a fill colour, which lie outside the picture
        boolean x0In = x0 >= 0 && x0 < w;
        boolean x1In = x0 + 1 >= 0 && x0 + 1 < w;
        boolean y0In = y0 >= 0 && y0 < h;
        boolean y1In = y0 + 1 >= 0 && y0 + 1 < h;
        boolean filled = fill != null;
        boolean out00 = filled && !(x0In && y0In);
        boolean out10 = filled && !(x1In && y0In);
        boolean out01 = filled && !(x0In && y1In);
        boolean out11 = filled && !(x1In && y1In);
        int cx0 = Math.min(w - 1, Math.max(0, x0));
        int cx1 = Math.min(w - 1, Math.max(0, x0 + 1));
        int row0 = Math.min(h - 1, Math.max(0, y0)) * w;
        int row1 = Math.min(h - 1, Math.max(0, y0 + 1)) * w;
        for (int c = 0; c < channels; c++) {
          int base = c * plane;
          float f = filled ? fill[c] : 0f;
          float p00 = out00 ? f : src[base + row0 + cx0];
          float p10 = out10 ? f : src[base + row0 + cx1];
          float p01 = out01 ? f : src[base + row1 + cx0];
          float p11 = out11 ? f : src[base + row1 + cx1];
          float top = p00 * (1 - ax) + p10 * ax;
          float bottom = p01 * (1 - ax) + p11 * ax;
          out[base + at] = clamp(top * (1 - ay) + bottom * ay);
        }
      }
    }
    return new PixelImage(w, h, channels, out);
  }

  /**
   * Shrinks the picture about its centre to {@code scale} of its size, then moves it by (dx, dy).
   */
  public static PixelImage zoomOut(PixelImage image, double scale, double dx, double dy) {
    return warp(
        image,
        Affine.scaleAndShift(image.width(), image.height(), scale, dx, dy),
        borderColour(image));
  }

  /** Moves the picture by (dx, dy) pixels, filling the uncovered part with the border colour. */
  public static PixelImage translate(PixelImage image, double dx, double dy) {
    return zoomOut(image, 1, dx, dy);
  }

  /**
   * The backdrop colour a camera further away would show: the per-channel median of a ring of
   * pixels 5% inside the edge. Inside, because the Kaggle photos have a thin blue frame; the
   * median, so that a hand or arm crossing the ring does not tint it.
   */
  public static float[] borderColour(PixelImage image) {
    int w = image.width();
    int h = image.height();
    int inset = Math.min((int) Math.round(0.05 * Math.min(w, h)), (Math.min(w, h) - 1) / 2);
    int left = inset;
    int top = inset;
    int right = w - 1 - inset;
    int bottom = h - 1 - inset;
    float[] colour = new float[image.channels()];
    // the ring's pixels in a float array (no boxing: this runs for every augmented image)
    float[] ring = new float[2 * (right - left + 1) + 2 * Math.max(0, bottom - top - 1)];
    for (int c = 0; c < colour.length; c++) {
      int n = 0;
      for (int x = left; x <= right; x++) {
        ring[n++] = image.get(c, top, x);
        if (bottom != top) {
          ring[n++] = image.get(c, bottom, x);
        }
      }
      for (int y = top + 1; y < bottom; y++) {
        ring[n++] = image.get(c, y, left);
        if (right != left) {
          ring[n++] = image.get(c, y, right);
        }
      }
      java.util.Arrays.sort(ring, 0, n);
      colour[c] = ring[n / 2];
    }
    return colour;
  }

  /** Adds {@code delta} to every value (negative darkens). */
  public static PixelImage brightness(PixelImage image, double delta) {
    float[] d = image.data().clone();
    for (int i = 0; i < d.length; i++) {
      d[i] = clamp((float) (d[i] + delta));
    }
    return with(image, d);
  }

  /** Scales the distance of every value from the image's mean luminance by {@code factor}. */
  public static PixelImage contrast(PixelImage image, double factor) {
    double mean = 0;
    float[] luma = luminance(image);
    for (float v : luma) {
      mean += v;
    }
    mean /= luma.length;
    float[] d = image.data().clone();
    for (int i = 0; i < d.length; i++) {
      d[i] = clamp((float) (mean + (d[i] - mean) * factor));
    }
    return with(image, d);
  }

  /** Scales each pixel's distance from its own grey by {@code factor}: 0 is greyscale. */
  public static PixelImage saturation(PixelImage image, double factor) {
    if (image.channels() < 3) {
      return image.copy();
    }
    float[] luma = luminance(image);
    int plane = image.planeSize();
    float[] d = image.data().clone();
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < plane; i++) {
        d[c * plane + i] = clamp((float) (luma[i] + (d[c * plane + i] - luma[i]) * factor));
      }
    }
    return with(image, d);
  }

  /**
   * {@link #brightness}, {@link #contrast}, {@link #saturation} and {@link #hue} in that order,
   * each skipped when its argument is NaN, in two passes over a 3-channel image instead of six and
   * one new image instead of four: the same values as applying them one by one ({@code
   * ImageOpsFusionTest}), at a fraction of the cost for training's augmentation.
   */
  public static PixelImage colourJitter(
      PixelImage image, double delta, double contrast, double saturation, double turns) {
    if (image.channels() != 3) {
      PixelImage out = image;
      out = Double.isNaN(delta) ? out : brightness(out, delta);
      out = Double.isNaN(contrast) ? out : contrast(out, contrast);
      out = Double.isNaN(saturation) ? out : saturation(out, saturation);
      out = Double.isNaN(turns) ? out : hue(out, turns);
      return out == image ? image.copy() : out;
    }
    int plane = image.planeSize();
    float[] src = image.data();
    float[] d = new float[src.length];
    boolean bright = !Double.isNaN(delta);
    // pass 1: brightness, and the mean luminance contrast scales about
    double mean = 0;
    for (int i = 0; i < plane; i++) {
      float r = src[i];
      float g = src[plane + i];
      float b = src[2 * plane + i];
      if (bright) {
        r = clamp((float) (r + delta));
        g = clamp((float) (g + delta));
        b = clamp((float) (b + delta));
      }
      d[i] = r;
      d[plane + i] = g;
      d[2 * plane + i] = b;
      mean += 0.299f * r + 0.587f * g + 0.114f * b;
    }
    mean /= plane;
    boolean contrasted = !Double.isNaN(contrast);
    boolean saturated = !Double.isNaN(saturation);
    boolean turned = !Double.isNaN(turns);
    double cos = turned ? Math.cos(2 * Math.PI * turns) : 1;
    double sin = turned ? Math.sin(2 * Math.PI * turns) : 0;
    // pass 2: per pixel, each operation on the one before's clamped result
    for (int i = 0; i < plane; i++) {
      float r = d[i];
      float g = d[plane + i];
      float b = d[2 * plane + i];
      if (contrasted) {
        r = clamp((float) (mean + (r - mean) * contrast));
        g = clamp((float) (mean + (g - mean) * contrast));
        b = clamp((float) (mean + (b - mean) * contrast));
      }
      if (saturated) {
        float y = 0.299f * r + 0.587f * g + 0.114f * b;
        r = clamp((float) (y + (r - y) * saturation));
        g = clamp((float) (y + (g - y) * saturation));
        b = clamp((float) (y + (b - y) * saturation));
      }
      if (turned) {
        double y = 0.299 * r + 0.587 * g + 0.114 * b;
        double iq = 0.596 * r - 0.274 * g - 0.322 * b;
        double q = 0.211 * r - 0.523 * g + 0.312 * b;
        double i2 = cos * iq - sin * q;
        double q2 = sin * iq + cos * q;
        r = clamp((float) (y + 0.956 * i2 + 0.621 * q2));
        g = clamp((float) (y - 0.272 * i2 - 0.647 * q2));
        b = clamp((float) (y - 1.106 * i2 + 1.703 * q2));
      }
      d[i] = r;
      d[plane + i] = g;
      d[2 * plane + i] = b;
    }
    return with(image, d);
  }

  /** Every pixel's luminance on all channels. */
  public static PixelImage greyscale(PixelImage image) {
    return saturation(image, 0);
  }

  /** Rotates the hue by {@code turns} of the colour circle (in YIQ space, so luminance stays). */
  public static PixelImage hue(PixelImage image, double turns) {
    if (image.channels() < 3) {
      return image.copy();
    }
    double cos = Math.cos(2 * Math.PI * turns);
    double sin = Math.sin(2 * Math.PI * turns);
    int plane = image.planeSize();
    float[] s = image.data();
    float[] d = new float[s.length];
    for (int i = 0; i < plane; i++) {
      double r = s[i];
      double g = s[plane + i];
      double b = s[2 * plane + i];
      double y = 0.299 * r + 0.587 * g + 0.114 * b;
      double iq = 0.596 * r - 0.274 * g - 0.322 * b;
      double q = 0.211 * r - 0.523 * g + 0.312 * b;
      double i2 = cos * iq - sin * q;
      double q2 = sin * iq + cos * q;
      d[i] = clamp((float) (y + 0.956 * i2 + 0.621 * q2));
      d[plane + i] = clamp((float) (y - 0.272 * i2 - 0.647 * q2));
      d[2 * plane + i] = clamp((float) (y - 1.106 * i2 + 1.703 * q2));
    }
    return with(image, d);
  }

  /** Multiplies channel c by {@code gains[c]}: a colour cast (white balance, tinted light). */
  public static PixelImage channelGains(PixelImage image, double[] gains) {
    int plane = image.planeSize();
    float[] d = image.data().clone();
    for (int c = 0; c < image.channels(); c++) {
      for (int i = c * plane; i < (c + 1) * plane; i++) {
        d[i] = clamp((float) (d[i] * gains[c % gains.length]));
      }
    }
    return with(image, d);
  }

  /** Gaussian blur with standard deviation {@code sigma} pixels (separable, edges repeated). */
  public static PixelImage blur(PixelImage image, double sigma) {
    if (sigma <= 0) {
      return image.copy();
    }
    int radius = Math.max(1, (int) Math.ceil(3 * sigma));
    float[] kernel = new float[2 * radius + 1];
    float sum = 0;
    for (int k = -radius; k <= radius; k++) {
      kernel[k + radius] = (float) Math.exp(-k * k / (2 * sigma * sigma));
      sum += kernel[k + radius];
    }
    for (int k = 0; k < kernel.length; k++) {
      kernel[k] /= sum;
    }
    int w = image.width();
    int h = image.height();
    int plane = w * h;
    float[] src = image.data();
    float[] rows = new float[src.length];
    float[] out = new float[src.length];
    // the taps are the outer loops and the pixels the inner ones, which the JIT vectorises; each
    // pixel still sums its taps in the same order as a per-pixel loop would
    float[] padded = new float[w + 2 * radius];
    for (int c = 0; c < image.channels(); c++) {
      int base = c * plane;
      for (int y = 0; y < h; y++) {
        int row = base + y * w;
        // the row with its edge pixels repeated, as the clamped index of a per-pixel loop reads
        java.util.Arrays.fill(padded, 0, radius, src[row]);
        System.arraycopy(src, row, padded, radius, w);
        java.util.Arrays.fill(padded, radius + w, padded.length, src[row + w - 1]);
        for (int k = 0; k < kernel.length; k++) {
          float weight = kernel[k];
          for (int x = 0; x < w; x++) {
            rows[row + x] += weight * padded[x + k];
          }
        }
      }
      for (int y = 0; y < h; y++) {
        int row = base + y * w;
        for (int k = 0; k < kernel.length; k++) {
          float weight = kernel[k];
          int from = base + Math.min(h - 1, Math.max(0, y + k - radius)) * w;
          for (int x = 0; x < w; x++) {
            out[row + x] += weight * rows[from + x];
          }
        }
        for (int x = 0; x < w; x++) {
          out[row + x] = clamp(out[row + x]);
        }
      }
    }
    return with(image, out);
  }

  /** Adds independent Gaussian noise of standard deviation {@code sigma} to every value. */
  public static PixelImage noise(PixelImage image, double sigma, Random random) {
    float[] d = image.data().clone();
    RandomGenerator gaussian = perPixel(random);
    for (int i = 0; i < d.length; i++) {
      d[i] = clamp((float) (d[i] + gaussian.nextGaussian() * sigma));
    }
    return with(image, d);
  }

  /**
   * A generator for per-pixel draws, seeded from {@code random}. {@code java.util.Random}'s
   * Gaussian is synchronized and uses the polar method; a profile of training with augmentation
   * found it the largest cost of the batch thread. {@code SplittableRandom}'s (Java 17's ziggurat)
   * is several times faster, and one draw from {@code random} keeps the result a function of the
   * seed.
   */
  static RandomGenerator perPixel(Random random) {
    return new SplittableRandom(random.nextLong());
  }

  /** Mirrors left and right (a left-handed signer's hand). */
  public static PixelImage flipHorizontal(PixelImage image) {
    int w = image.width();
    float[] s = image.data();
    float[] d = new float[s.length];
    for (int row = 0; row < image.channels() * image.height(); row++) {
      for (int x = 0; x < w; x++) {
        d[row * w + x] = s[row * w + w - 1 - x];
      }
    }
    return with(image, d);
  }

  /** {@code mask * image + (1 - mask) * other}, with one mask value per pixel. */
  public static PixelImage blend(PixelImage image, PixelImage other, float[] mask) {
    int plane = image.planeSize();
    float[] a = image.data();
    float[] b = other.data();
    float[] d = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      float m = mask[i % plane];
      d[i] = clamp(m * a[i] + (1 - m) * b[i]);
    }
    return with(image, d);
  }

  /** Encodes as JPEG at {@code quality} (1..100) and decodes again: compression artefacts. */
  public static PixelImage jpeg(PixelImage image, int quality) {
    if (quality < 1 || quality > 100) {
      throw new IllegalArgumentException("JPEG quality must be 1..100, got " + quality);
    }
    int w = image.width();
    int h = image.height();
    boolean grey = image.channels() == 1;
    BufferedImage buffered =
        new BufferedImage(w, h, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
    int[] argb = image.toArgb();
    if (grey) {
      var raster = buffered.getRaster();
      for (int i = 0; i < argb.length; i++) {
        raster.setSample(i % w, i / w, 0, argb[i] & 0xFF);
      }
    } else {
      buffered.setRGB(0, 0, w, h, argb, 0, w);
    }
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      try (ImageOutputStream stream = ImageIO.createImageOutputStream(bytes)) {
        writer.setOutput(stream);
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        writer.write(null, new IIOImage(buffered, null, null), param);
      } finally {
        writer.dispose();
      }
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
      return PixelImage.fromArgb(decoded.getRGB(0, 0, w, h, null, 0, w), w, h, image.channels());
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG round trip failed", e);
    }
  }

  /** Per-pixel luminance (the single channel of a grey image). */
  static float[] luminance(PixelImage image) {
    int plane = image.planeSize();
    float[] d = image.data();
    if (image.channels() < 3) {
      return java.util.Arrays.copyOf(d, plane);
    }
    float[] y = new float[plane];
    for (int i = 0; i < plane; i++) {
      y[i] = 0.299f * d[i] + 0.587f * d[plane + i] + 0.114f * d[2 * plane + i];
    }
    return y;
  }

  private static PixelImage with(PixelImage shape, float[] data) {
    return new PixelImage(shape.width(), shape.height(), shape.channels(), data);
  }

  static float clamp(float v) {
    return v < 0 ? 0 : v > 1 ? 1 : v;
  }
}
