package org.aslwb.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Training-time augmentations, each with its strength (0 switches it off); applied to the training
 * split only. The first four are the reference study's geometry; the rest work against the domain
 * shift between one signer's photos and everyone else's (light, camera, distance, hand, backdrop).
 *
 * @param rotationDegrees rotation drawn uniformly from [-r, r] degrees
 * @param widthShift horizontal shift drawn from [-w, w] times the width
 * @param heightShift vertical shift drawn from [-h, h] times the height
 * @param cropFraction a random crop keeping between {@code 1 - crop} and all of each side, resized
 *     back to the full size
 * @param brightness a value drawn from [-b, b] added to every pixel
 * @param contrast contrast scaled by a factor drawn from [1 - c, 1 + c]
 * @param saturation saturation scaled by a factor drawn from [1 - s, 1 + s]
 * @param hue hue rotated by up to [-h, h] of the colour circle
 * @param greyscale the probability of turning the image grey
 * @param zoomOut the picture shrunk to a scale drawn from [1 - z, 1] and padded with its border
 *     colour (a hand further from the camera)
 * @param blur a Gaussian blur whose standard deviation is drawn from [b/4, b] pixels
 * @param noise Gaussian noise of a standard deviation drawn from [0, n]
 * @param flip the probability of a left-right mirror (left-handed signers)
 * @param background the probability of replacing the estimated background with a random texture
 */
public record Augmentation(
    double rotationDegrees,
    double widthShift,
    double heightShift,
    double cropFraction,
    double brightness,
    double contrast,
    double saturation,
    double hue,
    double greyscale,
    double zoomOut,
    double blur,
    double noise,
    double flip,
    double background) {

  /** The names of the switches, in component order (also the model file's and CLI's names). */
  public static final List<String> KEYS =
      List.of(
          "rotation",
          "width_shift",
          "height_shift",
          "crop",
          "brightness",
          "contrast",
          "saturation",
          "hue",
          "greyscale",
          "zoom_out",
          "blur",
          "noise",
          "flip",
          "background");

  // the largest allowed strength of each switch, in KEYS order; the upper bounds of the shifts and
  // the crop are exclusive
  private static final double[] MAX = {180, 1, 1, 1, 1, 1, 1, 0.5, 1, 0.9, 5, 0.5, 1, 1};

  /** Checks the ranges. */
  public Augmentation {
    check(0, rotationDegrees);
    check(1, widthShift);
    check(2, heightShift);
    check(3, cropFraction);
    check(4, brightness);
    check(5, contrast);
    check(6, saturation);
    check(7, hue);
    check(8, greyscale);
    check(9, zoomOut);
    check(10, blur);
    check(11, noise);
    check(12, flip);
    check(13, background);
  }

  private static void check(int i, double v) {
    boolean exclusive = i >= 1 && i <= 3;
    if (!(v >= 0) || v > MAX[i] || (exclusive && v >= MAX[i])) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "augmentation %s must be in [0, %s%s, got %s",
              KEYS.get(i),
              number(MAX[i]),
              exclusive ? ")" : "]",
              number(v)));
    }
  }

  /** The reference study's geometry only (rotation, shift and crop), with no other switch. */
  public Augmentation(
      double rotationDegrees, double widthShift, double heightShift, double cropFraction) {
    this(rotationDegrees, widthShift, heightShift, cropFraction, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /** Keras-like geometry as in the reference study: 10 degrees, 10% shifts, up to 10% cropped. */
  public static Augmentation reference() {
    return new Augmentation(10, 0.1, 0.1, 0.1);
  }

  /**
   * The reference geometry plus every domain-shift switch: colour jitter, greyscale, zoom-out,
   * blur, noise, mirror and a new background.
   */
  public static Augmentation domain() {
    return reference()
        .with("brightness", 0.2)
        .with("contrast", 0.3)
        .with("saturation", 0.3)
        .with("hue", 0.05)
        .with("greyscale", 0.1)
        .with("zoom_out", 0.3)
        .with("blur", 1.0)
        .with("noise", 0.03)
        .with("flip", 0.5)
        .with("background", 0.3);
  }

  /**
   * The reference geometry plus gentle colour jitter, zoom-out, blur, noise and mirroring (no
   * greyscale, no background change): the set measured in the README as "mild".
   */
  public static Augmentation mild() {
    return reference()
        .with("brightness", 0.1)
        .with("contrast", 0.2)
        .with("saturation", 0.2)
        .with("hue", 0.02)
        .with("zoom_out", 0.15)
        .with("blur", 0.5)
        .with("noise", 0.02)
        .with("flip", 0.5);
  }

  /**
   * The default of training, the CLI and the Train tab, chosen by measurement on the real photos
   * (README, "Shift suite and augmentation against domain shift").
   */
  public static Augmentation standard() {
    return mild();
  }

  /**
   * The preset called {@code name}: reference, mild or domain.
   *
   * @param what how the caller's user named the setting, for the message
   * @throws IllegalArgumentException for any other name
   */
  public static Augmentation preset(String what, String name) {
    return switch (name) {
      case "reference" -> reference();
      case "mild" -> mild();
      case "domain" -> domain();
      default ->
          throw new IllegalArgumentException(
              what + " must be reference, mild or domain, got " + name);
    };
  }

  /** No augmentation at all. */
  public static Augmentation none() {
    return new Augmentation(0, 0, 0, 0);
  }

  /** Whether this changes images at all. */
  public boolean isIdentity() {
    for (double v : values()) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  /** The strength of the switch named {@code key} (one of {@link #KEYS}). */
  public double get(String key) {
    return values()[index(key)];
  }

  /**
   * A copy with the switch named {@code key} at strength {@code value}.
   *
   * @throws IllegalArgumentException for an unknown key or a value out of range
   */
  public Augmentation with(String key, double value) {
    double[] v = values();
    v[index(key)] = value;
    return new Augmentation(
        v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]);
  }

  /** Every switch with its strength, in {@link #KEYS} order. */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    double[] v = values();
    for (int i = 0; i < v.length; i++) {
      m.put(KEYS.get(i), v[i]);
    }
    return m;
  }

  /** The switches that are on, as {@code key=value} pairs ("none" when all are off). */
  @Override
  public String toString() {
    StringJoiner s = new StringJoiner(" ");
    asMap().forEach((k, v) -> s.add(v != 0 ? k + "=" + number(v) : ""));
    String text = s.toString().trim().replaceAll(" +", " ");
    return text.isEmpty() ? "none" : text;
  }

  private double[] values() {
    return new double[] {
      rotationDegrees,
      widthShift,
      heightShift,
      cropFraction,
      brightness,
      contrast,
      saturation,
      hue,
      greyscale,
      zoomOut,
      blur,
      noise,
      flip,
      background
    };
  }

  private static int index(String key) {
    int i = KEYS.indexOf(key);
    if (i < 0) {
      throw new IllegalArgumentException(
          "unknown augmentation " + key + " (known: " + String.join(", ", KEYS) + ")");
    }
    return i;
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
