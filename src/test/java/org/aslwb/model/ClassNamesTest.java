package org.aslwb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassNamesTest {
  private static final List<String> ASL = List.of("A", "B", "del", "nothing", "space");

  @Test
  void aNameMatchesExactlyOrIgnoringCaseWhenUnambiguous() {
    assertEquals(1, ClassNames.resolve("--targeted", "B", ASL));
    assertEquals(0, ClassNames.resolve("--targeted", "a", ASL));
    assertEquals(4, ClassNames.resolve("--targeted", "SPACE", ASL));
  }

  @Test
  void anUnknownNameIsRefusedWithTheListOfClasses() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ClassNames.resolve("--targeted", "zz", ASL));
    assertTrue(e.getMessage().startsWith("--targeted 'zz' is not a class"), e.getMessage());
    assertTrue(e.getMessage().endsWith("A, B, del, nothing, space"), e.getMessage());
  }

  @Test
  void aNameThatMatchesTwoClassesIgnoringCaseIsAmbiguous() {
    List<String> both = List.of("a", "A2", "Del", "del2", "DEL");
    assertEquals(2, ClassNames.resolve("--targeted", "Del", both), "the exact name wins");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ClassNames.resolve("--targeted", "dEl", both));
    assertTrue(e.getMessage().contains("matches [Del, DEL]"), e.getMessage());
    assertTrue(e.getMessage().contains("the classes are: a, A2, Del, del2, DEL"), e.getMessage());
  }
}
