package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The colour jitter in two passes gives the values of brightness, contrast, saturation and hue
 * applied one by one, to the last bit, with every combination of them on and off, on pictures with
 * saturated pixels (where the clamps between the steps matter) and on one grey channel.
 */
class ImageOpsFusionTest {
  @Test
  void theColourJitterInTwoPassesEqualsTheFourOperationsOneByOne() {
    Random random = new Random(17);
    for (int trial = 0; trial < 64; trial++) {
      PixelImage image = picture(random, trial % 8 == 7 ? 1 : 3);
      double delta = (trial & 1) != 0 ? (random.nextDouble() * 2 - 1) * 0.3 : Double.NaN;
      double contrast = (trial & 2) != 0 ? 1 + (random.nextDouble() * 2 - 1) * 0.5 : Double.NaN;
      double saturation = (trial & 4) != 0 ? 1 + (random.nextDouble() * 2 - 1) * 0.5 : Double.NaN;
      double turns = (trial & 8) != 0 ? (random.nextDouble() * 2 - 1) * 0.1 : Double.NaN;

      PixelImage expected = image;
      if (!Double.isNaN(delta)) {
        expected = ImageOps.brightness(expected, delta);
      }
      if (!Double.isNaN(contrast)) {
        expected = ImageOps.contrast(expected, contrast);
      }
      if (!Double.isNaN(saturation)) {
        expected = ImageOps.saturation(expected, saturation);
      }
      if (!Double.isNaN(turns)) {
        expected = ImageOps.hue(expected, turns);
      }
      PixelImage actual = ImageOps.colourJitter(image, delta, contrast, saturation, turns);
      assertArrayEquals(expected.data(), actual.data(), 0f, "trial " + trial);
    }
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
