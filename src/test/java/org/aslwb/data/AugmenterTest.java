package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmenterTest {
  private static PixelImage gradient() {
    float[] d = new float[3 * 32 * 32];
    for (int i = 0; i < d.length; i++) {
      d[i] = (i % 32) / 31f;
    }
    return new PixelImage(32, 32, 3, d);
  }

  @Test
  void sameSeedGivesTheSameAugmentation() {
    Augmenter a = new Augmenter(Augmentation.standard());
    assertEquals(a.apply(gradient(), new Random(5)), a.apply(gradient(), new Random(5)));
    assertNotEquals(a.apply(gradient(), new Random(5)), a.apply(gradient(), new Random(6)));
  }

  @Test
  void pixelsStayInRangeAndShapeIsKept() {
    Augmenter a = new Augmenter(new Augmentation(30, 0.2, 0.2, 0.3));
    Random r = new Random(1);
    for (int i = 0; i < 20; i++) {
      PixelImage out = a.apply(gradient(), r);
      assertTrue(out.sameShape(gradient()));
      for (float v : out.data()) {
        assertTrue(v >= 0 && v <= 1, "pixel out of range: " + v);
      }
    }
  }

  @Test
  void theInputImageIsNeverChanged() {
    // colour, blur and noise work in place on the augmenter's own copy, with or without a warp
    for (Augmentation a :
        new Augmentation[] {
          Augmentation.none().with("brightness", 0.3).with("blur", 1).with("noise", 0.1),
          Augmentation.mild(),
          Augmentation.domain()
        }) {
      PixelImage image = gradient();
      PixelImage out = new Augmenter(a).apply(image, new Random(2));
      assertEquals(gradient(), image, a.toString());
      assertNotEquals(gradient(), out, a.toString());
    }
  }

  @Test
  void aMirrorAloneSwapsLeftAndRightExactly() {
    PixelImage out =
        new Augmenter(Augmentation.none().with("flip", 1)).apply(gradient(), new Random(1));
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < 32; y++) {
        for (int x = 0; x < 32; x++) {
          assertEquals(gradient().get(c, y, 31 - x), out.get(c, y, x));
        }
      }
    }
  }

  @Test
  void noAugmentationLeavesTheImageUnchanged() {
    assertEquals(gradient(), new Augmenter(Augmentation.none()).apply(gradient(), new Random(1)));
  }
}
