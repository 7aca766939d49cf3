package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The zoom-out's fill colour: the per-channel median of the ring of pixels 5% inside the edge. */
class BorderColourTest {
  @Test
  void isTheMedianOfTheRingByItsDefinition() {
    Random random = new Random(3);
    int[][] sizes = {{64, 64}, {200, 200}, {31, 17}, {3, 5}, {2, 2}, {1, 1}, {1, 6}};
    for (int[] size : sizes) {
      PixelImage image = randomImage(size[0], size[1], random);
      assertArrayEquals(
          byDefinition(image), ImageOps.borderColour(image), size[0] + "x" + size[1] + " image");
    }
  }

  @Test
  void aHandCrossingTheRingDoesNotTintIt() {
    int w = 40;
    int h = 40;
    float[] d = new float[3 * w * h];
    java.util.Arrays.fill(d, 0.25f); // backdrop
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < h; y++) {
        for (int x = 15; x < 25; x++) { // an arm through the middle, top to bottom
          d[c * w * h + y * w + x] = 0.9f;
        }
      }
    }
    float[] colour = ImageOps.borderColour(new PixelImage(w, h, 3, d));
    for (float v : colour) {
      assertEquals(0.25f, v);
    }
  }

  // the ring walked over the whole inner rectangle, as first written
  private static float[] byDefinition(PixelImage image) {
    int w = image.width();
    int h = image.height();
    int inset = Math.min((int) Math.round(0.05 * Math.min(w, h)), (Math.min(w, h) - 1) / 2);
    int right = w - 1 - inset;
    int bottom = h - 1 - inset;
    float[] colour = new float[image.channels()];
    for (int c = 0; c < colour.length; c++) {
      List<Float> ring = new ArrayList<>();
      for (int y = inset; y <= bottom; y++) {
        for (int x = inset; x <= right; x++) {
          if (x == inset || y == inset || x == right || y == bottom) {
            ring.add(image.get(c, y, x));
          }
        }
      }
      Collections.sort(ring);
      colour[c] = ring.get(ring.size() / 2);
    }
    return colour;
  }

  private static PixelImage randomImage(int w, int h, Random random) {
    float[] d = new float[3 * w * h];
    for (int i = 0; i < d.length; i++) {
      d[i] = random.nextFloat();
    }
    return new PixelImage(w, h, 3, d);
  }
}
