package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResamplerAreaTest {
  @ParameterizedTest
  @CsvSource({"100,100,64,64", "200,150,64,48", "97,64,64,64"})
  void downscalingAveragesTheAreaEachOutputPixelCovers(int sw, int sh, int dw, int dh) {
    Random random = new Random(sw * 31 + dh);
    float[] d = new float[3 * sw * sh];
    for (int i = 0; i < d.length; i++) {
      d[i] = random.nextFloat();
    }
    PixelImage out = Resampler.resize(new PixelImage(sw, sh, 3, d), dw, dh);
    double sx = (double) sw / dw;
    double sy = (double) sh / dh;
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < dh; y++) {
        for (int x = 0; x < dw; x++) {
          double sum = 0;
          for (int v = (int) Math.floor(y * sy); v < Math.min(sh, Math.ceil((y + 1) * sy)); v++) {
            double wy = Math.min((y + 1) * sy, v + 1) - Math.max(y * sy, v);
            for (int u = (int) Math.floor(x * sx); u < Math.min(sw, Math.ceil((x + 1) * sx)); u++) {
              double wx = Math.min((x + 1) * sx, u + 1) - Math.max(x * sx, u);
              sum += wx * wy * d[c * sw * sh + v * sw + u];
            }
          }
          assertEquals(sum / (sx * sy), out.data()[c * dw * dh + y * dw + x], 1e-5);
        }
      }
    }
  }
}
