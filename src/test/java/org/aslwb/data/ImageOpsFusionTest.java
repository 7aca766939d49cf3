package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The colour jitter (vectorised single-precision loops, saturation and hue as colour matrices)
 * gives the values of brightness, contrast, saturation and hue by their definitions, applied one
 * after another pixel by pixel in double precision with a clamp after each, with every combination
 * of them on and off, on pictures with saturated pixels (where the clamps between the steps matter)
 * and on one grey channel; and the four one-step methods are the jitter with the others off.
 */
class ImageOpsFusionTest {
  @Test
  void theColourJitterEqualsTheFourOperationsByTheirDefinitions() {
    Random random = new Random(17);
    for (int trial = 0; trial < 64; trial++) {
      PixelImage image = picture(random, trial % 8 == 7 ? 1 : 3);
      double delta = (trial & 1) != 0 ? (random.nextDouble() * 2 - 1) * 0.3 : Double.NaN;
      double contrast = (trial & 2) != 0 ? 1 + (random.nextDouble() * 2 - 1) * 0.5 : Double.NaN;
      double saturation = (trial & 4) != 0 ? 1 + (random.nextDouble() * 2 - 1) * 0.5 : Double.NaN;
      double turns = (trial & 8) != 0 ? (random.nextDouble() * 2 - 1) * 0.1 : Double.NaN;

      double[] expected = byDefinition(image, delta, contrast, saturation, turns);
      float[] actual = ImageOps.colourJitter(image, delta, contrast, saturation, turns).data();
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], actual[i], 2e-6, "trial " + trial + ", value " + i);
      }
    }
  }

  @Test
  void eachOperationAloneIsTheJitterWithTheOthersOff() {
    PixelImage image = picture(new Random(3), 3);
    double n = Double.NaN;
    assertArrayEquals(
        ImageOps.colourJitter(image, 0.1, n, n, n).data(), ImageOps.brightness(image, 0.1).data());
    assertArrayEquals(
        ImageOps.colourJitter(image, n, 1.3, n, n).data(), ImageOps.contrast(image, 1.3).data());
    assertArrayEquals(
        ImageOps.colourJitter(image, n, n, 0.7, n).data(), ImageOps.saturation(image, 0.7).data());
    assertArrayEquals(
        ImageOps.colourJitter(image, n, n, n, 0.05).data(), ImageOps.hue(image, 0.05).data());
  }

  // brightness adds; contrast scales about the mean luminance; saturation scales each pixel's
  // distance from its own luminance; hue turns the (I, Q) plane of YIQ; a clamp after each
  private static double[] byDefinition(
      PixelImage image, double delta, double contrast, double saturation, double turns) {
    int plane = image.planeSize();
    int channels = image.channels();
    double[] d = new double[image.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = image.data()[i];
    }
    if (!Double.isNaN(delta)) {
      for (int i = 0; i < d.length; i++) {
        d[i] = clamp(d[i] + delta);
      }
    }
    if (!Double.isNaN(contrast)) {
      double mean = 0;
      for (int i = 0; i < plane; i++) {
        mean += channels < 3 ? d[i] : luma(d, plane, i);
      }
      mean /= plane;
      for (int i = 0; i < d.length; i++) {
        d[i] = clamp(mean + (d[i] - mean) * contrast);
      }
    }
    if (channels >= 3 && !Double.isNaN(saturation)) {
      for (int i = 0; i < plane; i++) {
        double y = luma(d, plane, i);
        for (int c = 0; c < 3; c++) {
          d[c * plane + i] = clamp(y + (d[c * plane + i] - y) * saturation);
        }
      }
    }
    if (channels >= 3 && !Double.isNaN(turns)) {
      double cos = Math.cos(2 * Math.PI * turns);
      double sin = Math.sin(2 * Math.PI * turns);
      for (int i = 0; i < plane; i++) {
        double r = d[i];
        double g = d[plane + i];
        double b = d[2 * plane + i];
        double y = 0.299 * r + 0.587 * g + 0.114 * b;
        double iq = 0.596 * r - 0.274 * g - 0.322 * b;
        double q = 0.211 * r - 0.523 * g + 0.312 * b;
        double i2 = cos * iq - sin * q;
        double q2 = sin * iq + cos * q;
        d[i] = clamp(y + 0.956 * i2 + 0.621 * q2);
        d[plane + i] = clamp(y - 0.272 * i2 - 0.647 * q2);
        d[2 * plane + i] = clamp(y - 1.106 * i2 + 1.703 * q2);
      }
    }
    return d;
  }

  private static double luma(double[] d, int plane, int i) {
    return 0.299 * d[i] + 0.587 * d[plane + i] + 0.114 * d[2 * plane + i];
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private static PixelImage picture(Random random, int channels) {
    int w = 13;
    int h = 11;
    float[] d = new float[channels * w * h];
    for (int i = 0; i < d.length; i++) {
      double u = random.nextDouble();
      d[i] = u < 0.1 ? 0f : u > 0.9 ? 1f : random.nextFloat();
    }
    return new PixelImage(w, h, channels, d);
  }
}
