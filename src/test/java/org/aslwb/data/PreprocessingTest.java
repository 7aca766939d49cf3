package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PreprocessingTest {
  @Test
  void downscalingAveragesTheCoveredArea() {
    BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        img.setRGB(x, y, x < 2 ? 0xFFFFFF : 0x000000);
      }
    }
    PixelImage out = Preprocessing.rgb(8).toPixels(img);
    assertEquals(8, out.width());
    PixelImage half = Resampler.resize(img.getRGB(0, 0, 4, 4, null, 0, 4), 4, 4, 2, 2, 3);
    assertEquals(1f, half.get(0, 0, 0), 1e-6);
    assertEquals(0f, half.get(0, 0, 1), 1e-6);
  }

  @Test
  void normalisationSubtractsMeanAndDividesByStd() {
    Preprocessing p = new Preprocessing(8, 8, 1, new float[] {0.5f}, new float[] {0.25f});
    float[] out = new float[64];
    float[] in = new float[64];
    java.util.Arrays.fill(in, 1f);
    p.normalise(in, out, 0);
    assertEquals(2f, out[0], 1e-6);
    assertEquals(4.0, p.normalisedPerPixelUnit()[0], 1e-9);
  }
}
