package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CorruptionTest {
  @ParameterizedTest
  @EnumSource(Corruption.class)
  void everySeverityChangesTheImageKeepsItsShapeAndPixelsInRange(Corruption corruption) {
    PixelImage photo = TestPhotos.hand();
    float previous = 0;
    for (int severity = 1; severity <= Corruption.SEVERITIES; severity++) {
      PixelImage out = corruption.apply(photo, severity, new Random(severity));
      assertTrue(out.sameShape(photo));
      float change = out.maxAbsDifference(photo);
      assertTrue(change > 0.02f, corruption + " severity " + severity + " changed only " + change);
      for (float v : out.data()) {
        assertTrue(v >= 0 && v <= 1, corruption + " left a pixel out of range: " + v);
      }
      // a higher severity is a larger change (mean absolute difference)
      float mean = (float) (out.l2Distance(photo) / Math.sqrt(photo.size()));
      assertTrue(mean >= previous * 0.999f, corruption + " severity " + severity + " is milder");
      previous = mean;
    }
  }

  @ParameterizedTest
  @EnumSource(Corruption.class)
  void theSameSeedGivesTheSameImageAndTheInputIsUntouched(Corruption corruption) {
    PixelImage photo = TestPhotos.hand();
    PixelImage copy = photo.copy();
    assertEquals(
        corruption.apply(photo, 2, new Random(7)), corruption.apply(photo, 2, new Random(7)));
    assertEquals(copy, photo);
  }

  @ParameterizedTest
  @EnumSource(
      value = Corruption.class,
      names = {"BRIGHTNESS", "COLOUR_CAST", "NOISE", "TRANSLATION"})
  void theRandomOnesDependOnTheSeed(Corruption corruption) {
    PixelImage photo = TestPhotos.hand();
    boolean differs = false;
    for (int seed = 0; seed < 8 && !differs; seed++) {
      differs =
          !corruption
              .apply(photo, 2, new Random(seed * 0x9E3779B97F4A7C15L))
              .equals(corruption.apply(photo, 2, new Random(~seed * 0x9E3779B97F4A7C15L)));
    }
    assertTrue(differs);
  }

  @ParameterizedTest
  @EnumSource(Corruption.class)
  void severitiesOutsideOneToThreeAreRefused(Corruption corruption) {
    assertThrows(
        IllegalArgumentException.class, () -> corruption.apply(TestPhotos.hand(), 0, new Random()));
    assertThrows(IllegalArgumentException.class, () -> corruption.setting(4));
    assertNotEquals("", corruption.describe(1));
  }
}
