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
 * training augmentations ({@link Augmenter}) and the shift suite ({@link Corruption}). Every public
 * method returns a new image with its values clamped to [0,1] (the augmenter changes its own copy
 * in place through the package's {@code ...InPlace} twins); randomness comes only from a caller's
 * seeded {@link Random}.
 *
 * <p>The loops are written for the JIT of the Java 17 measured (docs/performance.md,
 * "Augmentation"): whole-plane loops whose arrays are all read and written at the same index, which
 * it vectorises, and no int-to-floating conversions inside per-pixel loops, which stall on false
 * dependencies.
 */
public final class ImageOps {
  private ImageOps() {}

  /**
   * An inverse affine map: output pixel (x, y) samples the source at {@code (a x + b y + c, d x + e
   * y + f)}.
   */
  public record Affine(double a, double b, double c, double d, double e, double f) {
    /** The map that leaves every pixel where it is. */
    public static final Affine IDENTITY = new Affine(1, 0, 0, 0, 1, 0);

    /** Scales about the image centre by {@code scale} (below 1 shrinks) and then shifts. */
    public static Affine scaleAndShift(int w, int h, double scale, double dx, double dy) {
      double cx = (w - 1) / 2.0;
      double cy = (h - 1) / 2.0;
      // source = centre + (output - centre - shift) / scale
      return new Affine(1 / scale, 0, cx - (cx + dx) / scale, 0, 1 / scale, cy - (cy + dy) / scale);
    }

    /** Left and right swapped in a picture {@code w} pixels wide. */
    public static Affine mirror(int w) {
      return new Affine(-1, 0, w - 1, 0, 1, 0);
    }

    /**
     * The map that takes a point through {@code first} and then through this one. For inverse maps,
     * that is this transform followed by {@code first}'s: {@code geometry.after(zoom)} samples the
     * picture that the geometry made, zoomed out.
     */
    public Affine after(Affine first) {
      return new Affine(
          a * first.a + b * first.d,
          a * first.b + b * first.e,
          a * first.c + b * first.f + c,
          d * first.a + e * first.d,
          d * first.b + e * first.e,
          d * first.c + e * first.f + f);
    }
  }

  /**
   * Resamples {@code image} bilinearly through {@code map}, with edge pixels repeated outside the
   * image (Keras' {@code fill_mode='nearest'}).
   */
  public static PixelImage warp(PixelImage image, Affine map) {
    return warp(image, map, null, null);
  }

  /**
   * Resamples {@code image} bilinearly through {@code map}, edges repeated, inside a frame: where
   * {@code frame} takes an output pixel more than half a pixel outside the picture, the pixel is
   * {@code fill} (one value per channel) instead. With {@code frame} equal to {@code map}, that
   * fills what a shrunk or moved picture uncovers; with a map that runs through {@code frame}
   * ({@link Affine#after}), one resampling does the work of several, sharper and several times
   * cheaper than resampling each step's result.
   *
   * @param frame null for no frame (then {@code fill} is not used)
   */
  public static PixelImage warp(PixelImage image, Affine map, Affine frame, float[] fill) {
    int w = image.width();
    int h = image.height();
    int channels = image.channels();
    int plane = w * h;
    // the source with its last column and row repeated once more: a sample point clamped into
    // the picture then reads its four neighbours without tests
    int pw = w + 1;
    int channelStride = pw * (h + 1);
    float[] padded = padded(image);
    double right = w - 1;
    double bottom = h - 1;
    double frameRight = w - 0.5;
    double frameBottom = h - 0.5;
    float[] out = new float[image.size()];
    // the coordinates count in doubles: converting the int counters to double in the loop stalled
    // on a false dependency on the target register, which chained the pixels one after another
    // (the coordinates cost three times as much on the machines measured)
    double yd = 0;
    for (int y = 0; y < h; y++, yd += 1) {
      double xd = 0;
      for (int x = 0; x < w; x++, xd += 1) {
        int to = y * w + x;
        if (frame != null) {
          double fx = frame.a() * xd + frame.b() * yd + frame.c();
          double fy = frame.d() * xd + frame.e() * yd + frame.f();
          if (fx < -0.5 || fx > frameRight || fy < -0.5 || fy > frameBottom) {
            for (int c = 0; c < channels; c++) {
              out[c * plane + to] = fill[c];
            }
            continue;
          }
        }
        double sx = map.a() * xd + map.b() * yd + map.c();
        double sy = map.d() * xd + map.e() * yd + map.f();
        // comparisons, not Math.min and max, which are slow outside vector loops
        sx = sx < 0 ? 0 : sx > right ? right : sx;
        sy = sy < 0 ? 0 : sy > bottom ? bottom : sy;
        double x0 = Math.floor(sx);
        double y0 = Math.floor(sy);
        float ax = (float) (sx - x0);
        float ay = (float) (sy - y0);
        int at = (int) y0 * pw + (int) x0;
        for (int c = 0; c < channels; c++, at += channelStride, to += plane) {
          float top = padded[at] * (1 - ax) + padded[at + 1] * ax;
          float under = padded[at + pw] * (1 - ax) + padded[at + pw + 1] * ax;
          out[to] = clamp(top * (1 - ay) + under * ay);
        }
      }
    }
    return new PixelImage(w, h, channels, out);
  }

  // the picture with its last column and row repeated once more (see warp)
  private static float[] padded(PixelImage image) {
    int w = image.width();
    int h = image.height();
    int pw = w + 1;
    float[] src = image.data();
    float[] padded = new float[image.channels() * pw * (h + 1)];
    for (int c = 0; c < image.channels(); c++) {
      for (int py = 0; py <= h; py++) {
        int to = (c * (h + 1) + py) * pw;
        int row = (c * h + Math.min(h - 1, py)) * w;
        System.arraycopy(src, row, padded, to, w);
        padded[to + w] = src[row + w - 1];
      }
    }
    return padded;
  }

  /**
   * Shrinks the picture about its centre to {@code scale} of its size, then moves it by (dx, dy).
   */
  public static PixelImage zoomOut(PixelImage image, double scale, double dx, double dy) {
    Affine map = Affine.scaleAndShift(image.width(), image.height(), scale, dx, dy);
    return warp(image, map, map, borderColour(image));
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
      colour[c] = select(ring, n, n / 2);
    }
    return colour;
  }

  /**
   * The {@code k}-th smallest of {@code values[0..n)}, the value sorting would put at index k, by
   * Hoare's selection (the values are reordered): linear on average, where sorting the ring of
   * every augmented picture was a fifth of the augmentation's cost.
   */
  static float select(float[] values, int n, int k) {
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      float pivot = values[(lo + hi) >>> 1];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (values[i] < pivot) {
          i++;
        }
        while (values[j] > pivot) {
          j--;
        }
        if (i <= j) {
          float swap = values[i];
          values[i++] = values[j];
          values[j--] = swap;
        }
      }
      // now values[lo..j] <= pivot <= values[i..hi], and any between equal the pivot
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return values[k];
      }
    }
    return values[k];
  }

  /** Adds {@code delta} to every value (negative darkens). */
  public static PixelImage brightness(PixelImage image, double delta) {
    return colourJitter(image, delta, Double.NaN, Double.NaN, Double.NaN);
  }

  /** Scales the distance of every value from the image's mean luminance by {@code factor}. */
  public static PixelImage contrast(PixelImage image, double factor) {
    return colourJitter(image, Double.NaN, factor, Double.NaN, Double.NaN);
  }

  /** Scales each pixel's distance from its own grey by {@code factor}: 0 is greyscale. */
  public static PixelImage saturation(PixelImage image, double factor) {
    return colourJitter(image, Double.NaN, Double.NaN, factor, Double.NaN);
  }

  /** Rotates the hue by {@code turns} of the colour circle (in YIQ space, so luminance stays). */
  public static PixelImage hue(PixelImage image, double turns) {
    return colourJitter(image, Double.NaN, Double.NaN, Double.NaN, turns);
  }

  /** Every pixel's luminance on all channels. */
  public static PixelImage greyscale(PixelImage image) {
    PixelImage out = image.copy();
    greyscaleInPlace(out);
    return out;
  }

  /** {@link #greyscale} on the image's own pixels (see {@link #colourJitterInPlace}). */
  static void greyscaleInPlace(PixelImage image) {
    colourJitterInPlace(image, Double.NaN, Double.NaN, 0, Double.NaN);
  }

  /**
   * {@link #brightness}, {@link #contrast}, {@link #saturation} and {@link #hue} in that order,
   * each skipped when its argument is NaN (saturation and hue also on a grey image), on one copy of
   * the picture.
   *
   * <p>Each step is a loop of single-precision arithmetic over whole channel planes, held in
   * separate arrays and clamped with min and max: the JIT turns such loops into vector instructions
   * (see the class comment). Per-pixel double arithmetic with comparisons, as before, cost several
   * times as much: the conversions between float and double stall on false register dependencies,
   * and the comparisons mispredict on noisy pictures.
   */
  public static PixelImage colourJitter(
      PixelImage image, double delta, double contrast, double saturation, double turns) {
    PixelImage out = image.copy();
    colourJitterInPlace(out, delta, contrast, saturation, turns);
    return out;
  }

  /**
   * {@link #colourJitter} on the image's own pixels, for a picture its caller has just made (the
   * augmentation's steps after the first one), saving a new array per step.
   */
  static void colourJitterInPlace(
      PixelImage image, double delta, double contrast, double saturation, double turns) {
    int plane = image.planeSize();
    int channels = image.channels();
    boolean colour = channels >= 3;
    float[][] scratch = scratch(channels + 4, plane);
    float[][] planes = java.util.Arrays.copyOf(scratch, channels);
    // spare planes: the luminance, and the targets of a colour matrix
    float[] luma = scratch[channels];
    float[][] spare = java.util.Arrays.copyOfRange(scratch, channels + 1, channels + 4);
    float[] src = image.data();
    for (int c = 0; c < channels; c++) {
      System.arraycopy(src, c * plane, planes[c], 0, plane);
    }
    if (!Double.isNaN(delta)) {
      float shift = (float) delta;
      for (float[] p : planes) {
        for (int i = 0; i < plane; i++) {
          p[i] = clampFast(p[i] + shift);
        }
      }
    }
    if (!Double.isNaN(contrast)) {
      float mean = colour ? mean(luminance(planes, luma, plane), plane) : mean(planes[0], plane);
      float factor = (float) contrast;
      for (float[] p : planes) {
        for (int i = 0; i < plane; i++) {
          p[i] = clampFast(mean + (p[i] - mean) * factor);
        }
      }
    }
    if (colour && !Double.isNaN(saturation)) {
      mixChannels(planes, spare, plane, saturationMatrix(saturation));
    }
    if (colour && !Double.isNaN(turns)) {
      mixChannels(planes, spare, plane, hueMatrix(turns));
    }
    for (int c = 0; c < channels; c++) {
      System.arraycopy(planes[c], 0, src, c * plane, plane);
    }
  }

  private static final double[] LUMA = {0.299, 0.587, 0.114};

  // each colour moves towards (factor < 1) or away from its pixel's luminance: s I + (1 - s) L
  private static double[][] saturationMatrix(double factor) {
    double[][] m = new double[3][3];
    for (int c = 0; c < 3; c++) {
      for (int k = 0; k < 3; k++) {
        m[c][k] = (c == k ? factor : 0) + (1 - factor) * LUMA[k];
      }
    }
    return m;
  }

  // RGB to YIQ, the chroma plane (I, Q) turned by the angle, back to RGB: luminance stays
  private static double[][] hueMatrix(double turns) {
    double cos = Math.cos(2 * Math.PI * turns);
    double sin = Math.sin(2 * Math.PI * turns);
    double[][] toYiq = {LUMA, {0.596, -0.274, -0.322}, {0.211, -0.523, 0.312}};
    double[][] turn = {{1, 0, 0}, {0, cos, -sin}, {0, sin, cos}};
    double[][] toRgb = {{1, 0.956, 0.621}, {1, -0.272, -0.647}, {1, -1.106, 1.703}};
    return product(toRgb, product(turn, toYiq));
  }

  private static double[][] product(double[][] a, double[][] b) {
    double[][] m = new double[3][3];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 3; k++) {
          m[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return m;
  }

  // the first three planes become sum over k of m[c][k] times plane k, clamped; they trade places
  // with the spare planes, which the result is written to
  private static void mixChannels(float[][] planes, float[][] spare, int plane, double[][] m) {
    float[] red = planes[0];
    float[] green = planes[1];
    float[] blue = planes[2];
    for (int c = 0; c < 3; c++) {
      float fromRed = (float) m[c][0];
      float fromGreen = (float) m[c][1];
      float fromBlue = (float) m[c][2];
      float[] out = spare[c];
      for (int i = 0; i < plane; i++) {
        out[i] = clampFast(fromRed * red[i] + fromGreen * green[i] + fromBlue * blue[i]);
      }
      spare[c] = planes[c];
      planes[c] = out;
    }
  }

  private static float[] luminance(float[][] planes, float[] y, int plane) {
    float[] red = planes[0];
    float[] green = planes[1];
    float[] blue = planes[2];
    float r = (float) LUMA[0];
    float g = (float) LUMA[1];
    float b = (float) LUMA[2];
    for (int i = 0; i < plane; i++) {
      y[i] = r * red[i] + g * green[i] + b * blue[i];
    }
    return y;
  }

  // a float sum per block of 64 (short enough to keep float's precision), the blocks in double
  private static float mean(float[] values, int n) {
    double sum = 0;
    for (int from = 0; from < n; from += 64) {
      float block = 0;
      for (int i = from; i < Math.min(n, from + 64); i++) {
        block += values[i];
      }
      sum += block;
    }
    return (float) (sum / n);
  }

  // scratch arrays of up to this many values are kept per thread (at most 8 of 1 MB: the FX thread
  // and the shift suite's pool threads hold them too); larger pictures get new ones
  private static final int SCRATCH_LIMIT = 1 << 18;
  private static final ThreadLocal<float[][]> SCRATCH =
      ThreadLocal.withInitial(() -> new float[8][0]);

  /**
   * {@code count} arrays of at least {@code length} values, with arbitrary contents: for a small
   * picture, this thread's own, reused from call to call (training augments one picture after
   * another on one thread, and memory it touched a moment ago is in cache where new arrays are
   * not). A method that uses them must not call another that does.
   */
  private static float[][] scratch(int count, int length) {
    if (length > SCRATCH_LIMIT || count > 8) {
      return new float[count][length];
    }
    float[][] s = SCRATCH.get();
    for (int i = 0; i < count; i++) {
      if (s[i].length < length) {
        s[i] = new float[length];
      }
    }
    return s;
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
    PixelImage out = image.copy();
    blurInPlace(out, sigma);
    return out;
  }

  /** {@link #blur} on the image's own pixels (see {@link #colourJitterInPlace}). */
  static void blurInPlace(PixelImage image, double sigma) {
    if (sigma <= 0) {
      return;
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
    // Each tap, across and then down, is one loop over a whole plane: the JIT vectorises such a
    // loop when every array in it is read at the index it is written at (not, in the Java 17 that
    // was measured, when one is read at an offset), so each tap's source is first moved into place
    // by a copy. Each pixel still sums its taps in the same order as a per-pixel loop would.
    // Across, a tap that reaches over a row's end reads the next row, so the radius pixels at each
    // end of a row are summed again with the edge repeated; down, the rows blurred across are
    // stacked with the first and last repeated radius times (the clamped rows of a per-pixel loop).
    float[][] scratch = scratch(4, (h + 2 * radius) * w);
    float[] across = scratch[0];
    float[] tall = scratch[1];
    float[] shifted = scratch[2];
    float[] down = scratch[3];
    for (int c = 0; c < image.channels(); c++) {
      int base = c * plane;
      // the first tap sets (no clearing pass); what it leaves out is a row end, summed again below
      for (int k = 0; k < kernel.length; k++) {
        float weight = kernel[k];
        int offset = k - radius;
        int from = Math.max(0, -offset);
        int to = plane - Math.max(0, offset);
        if (from < to) {
          System.arraycopy(src, base + from + offset, shifted, from, to - from);
        }
        if (k == 0) {
          for (int i = from; i < to; i++) {
            across[i] = weight * shifted[i];
          }
        } else {
          for (int i = from; i < to; i++) {
            across[i] += weight * shifted[i];
          }
        }
      }
      for (int y = 0; y < h; y++) {
        int row = base + y * w;
        for (int x = 0; x < w; x = x == radius - 1 ? Math.max(radius, w - radius) : x + 1) {
          float edge = 0;
          for (int k = 0; k < kernel.length; k++) {
            edge += kernel[k] * src[row + Math.min(w - 1, Math.max(0, x + k - radius))];
          }
          across[y * w + x] = edge;
        }
      }
      System.arraycopy(across, 0, tall, radius * w, plane);
      for (int r = 0; r < radius; r++) {
        System.arraycopy(across, 0, tall, r * w, w);
        System.arraycopy(across, plane - w, tall, (radius + h + r) * w, w);
      }
      for (int i = 0; i < plane; i++) {
        down[i] = kernel[0] * tall[i];
      }
      for (int k = 1; k < kernel.length; k++) {
        float weight = kernel[k];
        System.arraycopy(tall, k * w, shifted, 0, plane);
        for (int i = 0; i < plane; i++) {
          down[i] += weight * shifted[i];
        }
      }
      for (int i = 0; i < plane; i++) {
        down[i] = clampFast(down[i]);
      }
      // the channel's own pixels are read no more: its result can take their place
      System.arraycopy(down, 0, src, base, plane);
    }
  }

  /**
   * Adds independent Gaussian noise of standard deviation {@code sigma} to every value (the normal
   * distribution in {@link GaussianTable}'s 16,384 steps).
   */
  public static PixelImage noise(PixelImage image, double sigma, Random random) {
    PixelImage out = image.copy();
    noiseInPlace(out, sigma, random);
    return out;
  }

  /** {@link #noise} on the image's own pixels (see {@link #colourJitterInPlace}). */
  static void noiseInPlace(PixelImage image, double sigma, Random random) {
    float[] d = image.data();
    GaussianTable.addNoise(d, sigma, new SplittableRandom(random.nextLong()));
    clampAll(d);
  }

  /**
   * A generator for per-pixel draws (the background texture's grain), seeded from {@code random}:
   * {@code java.util.Random}'s Gaussian is synchronized and uses the polar method, {@code
   * SplittableRandom}'s (Java 17's ziggurat) is several times faster, and one draw from {@code
   * random} keeps the result a function of the seed. The noise, drawn for every augmented pixel,
   * uses the faster {@link GaussianTable}.
   */
  static RandomGenerator perPixel(Random random) {
    return new SplittableRandom(random.nextLong());
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

  private static PixelImage with(PixelImage shape, float[] data) {
    return new PixelImage(shape.width(), shape.height(), shape.channels(), data);
  }

  static float clamp(float v) {
    return v < 0 ? 0 : v > 1 ? 1 : v;
  }

  // in a loop that the JIT vectorises, min and max become branch-free vector instructions; in
  // scalar code they cost more than the comparisons of clamp
  private static float clampFast(float v) {
    return Math.max(0f, Math.min(1f, v));
  }

  // a loop over one array, which the JIT vectorises
  private static void clampAll(float[] d) {
    for (int i = 0; i < d.length; i++) {
      d[i] = clampFast(d[i]);
    }
  }
}
