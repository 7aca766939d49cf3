package org.aslwb.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.aslwb.data.Augmentation;
import picocli.CommandLine.Option;

/** {@code train}'s augmentation switches: a preset, and any switch's strength over it. */
final class AugmentationOptions {
  @Option(
      names = "--augment",
      description =
          "reference (the study's rotation, shift and crop only), mild (reference plus gentle"
              + " colour jitter, zoom-out, blur, noise and mirroring) or domain (reference plus every"
              + " domain-shift switch); the options below override it (default: the standard set,"
              + " see README)")
  String preset;

  @Option(names = "--rotation", description = "rotation range in degrees, 0..180")
  Double rotation;

  @Option(names = "--shift", description = "width and height shift range, [0, 1)")
  Double shift;

  @Option(names = "--crop", description = "random crop fraction, [0, 1)")
  Double crop;

  @Option(names = "--brightness", description = "brightness jitter, 0..1")
  Double brightness;

  @Option(names = "--contrast", description = "contrast jitter, 0..1")
  Double contrast;

  @Option(names = "--saturation", description = "saturation jitter, 0..1")
  Double saturation;

  @Option(names = "--hue", description = "hue jitter in turns of the colour circle, 0..0.5")
  Double hue;

  @Option(names = "--greyscale", description = "probability of a grey image, 0..1")
  Double greyscale;

  @Option(names = "--zoom-out", description = "largest shrink of the picture, 0..0.9")
  Double zoomOut;

  @Option(names = "--blur", description = "largest blur sigma in pixels, 0..5")
  Double blur;

  @Option(names = "--noise", description = "largest noise sigma, 0..0.5")
  Double noise;

  @Option(names = "--flip", description = "probability of a left-right mirror, 0..1")
  Double flip;

  @Option(
      names = "--background",
      description = "probability of a random texture behind the hand, 0..1")
  Double background;

  /**
   * The preset with every given switch applied.
   *
   * @throws IllegalArgumentException naming the option and its range
   */
  Augmentation augmentation() {
    Augmentation a =
        preset == null ? Augmentation.standard() : Augmentation.preset("--augment", preset);
    Map<String, Double> given = new LinkedHashMap<>();
    given.put("rotation", rotation);
    given.put("width_shift", shift);
    given.put("height_shift", shift);
    given.put("crop", crop);
    given.put("brightness", brightness);
    given.put("contrast", contrast);
    given.put("saturation", saturation);
    given.put("hue", hue);
    given.put("greyscale", greyscale);
    given.put("zoom_out", zoomOut);
    given.put("blur", blur);
    given.put("noise", noise);
    given.put("flip", flip);
    given.put("background", background);
    for (var e : given.entrySet()) {
      if (e.getValue() != null) {
        try {
          a = a.with(e.getKey(), e.getValue());
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException("--" + option(e.getKey()) + ": " + ex.getMessage());
        }
      }
    }
    return a;
  }

  private static String option(String key) {
    return switch (key) {
      case "width_shift", "height_shift" -> "shift";
      default -> key.replace('_', '-');
    };
  }
}
