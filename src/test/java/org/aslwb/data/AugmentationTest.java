package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AugmentationTest {
  /** Each switch alone at a clearly visible strength. */
  static Augmentation only(String key) {
    double strength =
        switch (key) {
          case "rotation" -> 20;
          case "hue", "noise" -> 0.2;
          case "blur" -> 2;
          case "greyscale", "flip", "background" -> 1;
          default -> 0.4;
        };
    return Augmentation.none().with(key, strength);
  }

  static java.util.List<String> keys() {
    return Augmentation.KEYS;
  }

  @ParameterizedTest
  @MethodSource("keys")
  void everySwitchAloneChangesTheImageAndKeepsPixelsInRange(String key) {
    Augmenter augmenter = new Augmenter(only(key));
    PixelImage photo = TestPhotos.hand();
    Random random = new Random(3);
    for (int i = 0; i < 5; i++) {
      PixelImage out = augmenter.apply(photo, random);
      assertTrue(out.sameShape(photo));
      assertTrue(out.maxAbsDifference(photo) > 0.01f, key + " left the image unchanged");
      for (float v : out.data()) {
        assertTrue(v >= 0 && v <= 1, key + " left a pixel out of range: " + v);
      }
    }
    assertEquals(TestPhotos.hand(), photo);
  }

  @Test
  void theDomainSetIsTheReferenceGeometryPlusTheDomainSwitches() {
    Augmentation standard = Augmentation.domain();
    for (String key : new String[] {"rotation", "width_shift", "height_shift", "crop"}) {
      assertEquals(Augmentation.reference().get(key), standard.get(key), key);
    }
    for (String key : Augmentation.KEYS.subList(4, Augmentation.KEYS.size())) {
      assertTrue(standard.get(key) > 0, key);
    }
    assertFalse(standard.isIdentity());
    assertTrue(Augmentation.none().isIdentity());
    assertEquals("none", Augmentation.none().toString());
    assertTrue(standard.toString().contains("rotation=10"), standard.toString());
  }

  @Test
  void theMildSetKeepsTheGeometryAndLeavesGreyscaleAndBackgroundOff() {
    Augmentation mild = Augmentation.mild();
    for (String key : new String[] {"rotation", "width_shift", "height_shift", "crop"}) {
      assertEquals(Augmentation.reference().get(key), mild.get(key), key);
    }
    assertEquals(0, mild.get("greyscale"));
    assertEquals(0, mild.get("background"));
    for (String key : new String[] {"brightness", "contrast", "zoom_out", "blur", "flip"}) {
      assertTrue(mild.get(key) > 0 && mild.get(key) <= Augmentation.domain().get(key), key);
    }
  }

  @Test
  void strengthsOutOfRangeAreRefusedByName() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> Augmentation.none().with("hue", 0.7));
    assertTrue(e.getMessage().contains("hue"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Augmentation.none().with("noise", -0.1));
    assertThrows(IllegalArgumentException.class, () -> Augmentation.none().with("crop", 1));
    assertThrows(
        IllegalArgumentException.class, () -> Augmentation.none().with("flip", Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Augmentation.none().with("sepia", 0.1));
  }

  @Test
  void theBackgroundMaskKeepsTheHandAndDropsTheWall() {
    PixelImage photo = TestPhotos.hand();
    float[] mask = BackgroundSwap.foregroundMask(photo);
    assertTrue(mask[26 * 48 + 24] > 0.9f, "hand centre " + mask[26 * 48 + 24]);
    assertTrue(mask[4 * 48 + 44] < 0.1f, "wall corner " + mask[4 * 48 + 44]);
  }
}
