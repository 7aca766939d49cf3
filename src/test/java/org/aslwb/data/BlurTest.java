package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlurTest {
  @ParameterizedTest
  @ValueSource(doubles = {0.3, 1.0, 2.5, 5.0})
  void blurEqualsTheSeparableGaussianComputedPixelByPixel(double sigma) {
    Random random = new Random(5);
    int w = 13;
    int h = 9;
    float[] d = new float[3 * w * h];
    for (int i = 0; i < d.length; i++) {
      d[i] = random.nextFloat();
    }
    PixelImage image = new PixelImage(w, h, 3, d);
    assertArrayEquals(reference(image, sigma), ImageOps.blur(image, sigma).data(), 0f);
  }

  /** The definition: per output pixel, taps in order, edge pixels repeated. */
  private static float[] reference(PixelImage image, double sigma) {
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
    float[] src = image.data();
    float[] rows = new float[src.length];
    float[] out = new float[src.length];
    for (int c = 0; c < image.channels(); c++) {
      int base = c * w * h;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          float acc = 0;
          for (int k = -radius; k <= radius; k++) {
            acc += kernel[k + radius] * src[base + y * w + Math.min(w - 1, Math.max(0, x + k))];
          }
          rows[base + y * w + x] = acc;
        }
      }
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          float acc = 0;
          for (int k = -radius; k <= radius; k++) {
            acc += kernel[k + radius] * rows[base + Math.min(h - 1, Math.max(0, y + k)) * w + x];
          }
          out[base + y * w + x] = Math.max(0, Math.min(1, acc));
        }
      }
    }
    return out;
  }
}
