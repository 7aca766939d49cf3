package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitsTest {
  private static int[] labels(int classes, int perClass) {
    int[] l = new int[classes * perClass];
    for (int i = 0; i < l.length; i++) {
      l[i] = i / perClass;
    }
    return l;
  }

  @Test
  void stratifiedSplitTakesTheFractionOfEveryClassAndNoFileTwice() {
    int[] labels = labels(5, 50);
    Split s = Splits.stratified(labels, 0.2, 7);
    assertEquals(50, s.validation().length);
    for (int c = 0; c < 5; c++) {
      int cls = c;
      assertEquals(10, Arrays.stream(s.validation()).filter(i -> labels[i] == cls).count());
    }
    Set<Integer> seen = new HashSet<>();
    Arrays.stream(s.train()).forEach(seen::add);
    Arrays.stream(s.validation())
        .forEach(i -> assertTrue(seen.add(i), "index in both splits: " + i));
    assertEquals(labels.length, seen.size());
  }

  @Test
  void sameSeedGivesTheSameSplitAndAnotherSeedAnother() {
    int[] labels = labels(3, 40);
    assertArrayEquals(
        Splits.stratified(labels, 0.25, 1).validation(),
        Splits.stratified(labels, 0.25, 1).validation());
    assertTrue(
        !Arrays.equals(
            Splits.stratified(labels, 0.25, 1).validation(),
            Splits.stratified(labels, 0.25, 2).validation()));
  }

  @Test
  void blockSplitKeepsConsecutiveFramesTogether() {
    int[] labels = labels(2, 100);
    Split s = Splits.byBlocks(labels, 0.2, 10, 3);
    Set<Integer> val = new HashSet<>();
    Arrays.stream(s.validation()).forEach(val::add);
    for (int block = 0; block < 20; block++) {
      boolean first = val.contains(block * 10);
      for (int i = 1; i < 10; i++) {
        assertEquals(first, val.contains(block * 10 + i), "block " + block + " split apart");
      }
    }
    assertEquals(40, s.validation().length);
  }
}
