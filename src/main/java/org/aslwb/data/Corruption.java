package org.aslwb.data;

import java.util.Locale;
import java.util.Random;

/**
 * The shift suite's natural corruptions, each at three severities: what changes when someone else
 * photographs a hand (light, camera, colour, distance, framing). Pure transforms of an image at the
 * model's input size; the random ones (the direction of a brightness change, a colour cast or a
 * translation, the noise) draw from the caller's seeded {@link Random}.
 */
public enum Corruption {
  /** Lighter or darker by this much on the [0,1] scale (the sign is drawn). */
  BRIGHTNESS("brightness", 0.15, 0.3, 0.45),
  /** Contrast scaled down to this factor. */
  CONTRAST("contrast", 0.6, 0.4, 0.2),
  /** Channel gains up to 1 +- this much, in a drawn direction on the colour circle. */
  COLOUR_CAST("colour cast", 0.15, 0.3, 0.45),
  /** Colour removed by this share (1: grey). */
  GREYSCALE("greyscale", 0.5, 0.75, 1.0),
  /** Gaussian blur with this standard deviation, as a share of the image width. */
  BLUR("blur", 0.015, 0.03, 0.05),
  /** Gaussian noise of this standard deviation. */
  NOISE("noise", 0.04, 0.08, 0.16),
  /** JPEG compression at this quality. */
  JPEG("jpeg", 30, 15, 6),
  /** The picture shrunk to this scale about the centre and padded with its border colour. */
  ZOOM_OUT("zoom out", 0.8, 0.65, 0.5),
  /** The picture moved by this share of its size in a drawn direction. */
  TRANSLATION("translation", 0.1, 0.2, 0.3);

  /** Severities run 1..3. */
  public static final int SEVERITIES = 3;

  private final String label;
  private final double[] settings;

  Corruption(String label, double... settings) {
    this.label = label;
    this.settings = settings;
  }

  /** The name shown in tables and written to CSV. */
  public String label() {
    return label;
  }

  /** The parameter at {@code severity} (1..3), in the unit of the constant's description. */
  public double setting(int severity) {
    checkSeverity(severity);
    return settings[severity - 1];
  }

  /** The parameter at {@code severity} as text, for tables. */
  public String describe(int severity) {
    double v = setting(severity);
    return this == JPEG
        ? "quality " + (int) v
        : String.format(Locale.ROOT, "%s %s", unit(), trim(v));
  }

  /** {@code image} corrupted at {@code severity} (1..3). */
  public PixelImage apply(PixelImage image, int severity, Random random) {
    double v = setting(severity);
    int w = image.width();
    return switch (this) {
      case BRIGHTNESS -> ImageOps.brightness(image, random.nextBoolean() ? v : -v);
      case CONTRAST -> ImageOps.contrast(image, v);
      case COLOUR_CAST -> {
        double angle = random.nextDouble() * 2 * Math.PI;
        double[] gains = new double[3];
        for (int c = 0; c < 3; c++) {
          gains[c] = 1 + v * Math.cos(angle - c * 2 * Math.PI / 3);
        }
        yield ImageOps.channelGains(image, gains);
      }
      case GREYSCALE -> ImageOps.saturation(image, 1 - v);
      case BLUR -> ImageOps.blur(image, v * w);
      case NOISE -> ImageOps.noise(image, v, random);
      case JPEG -> ImageOps.jpeg(image, (int) v);
      case ZOOM_OUT -> ImageOps.zoomOut(image, v, 0, 0);
      case TRANSLATION -> {
        double angle = random.nextDouble() * 2 * Math.PI;
        yield ImageOps.translate(
            image, Math.cos(angle) * v * w, Math.sin(angle) * v * image.height());
      }
    };
  }

  private String unit() {
    return switch (this) {
      case BRIGHTNESS -> "+-";
      case CONTRAST -> "x";
      case COLOUR_CAST -> "gain +-";
      case GREYSCALE -> "desaturated";
      case BLUR -> "sigma/width";
      case NOISE -> "sigma";
      case JPEG -> "quality";
      case ZOOM_OUT -> "scale";
      case TRANSLATION -> "shift/size";
    };
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static void checkSeverity(int severity) {
    if (severity < 1 || severity > SEVERITIES) {
      throw new IllegalArgumentException("severity must be 1.." + SEVERITIES + ", got " + severity);
    }
  }
}
