package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FrameSplitTest {
  private static final String[] CLASSES = {"A", "B", "del"};

  /** 100 frames per class with scattered numbers, listed in name (not frame) order. */
  private static List<Path> kaggleNames(int[] labels) {
    Random random = new Random(3);
    List<Path> files = new ArrayList<>();
    for (int c = 0; c < CLASSES.length; c++) {
      Set<Integer> numbers = new HashSet<>();
      while (numbers.size() < 100) {
        numbers.add(1 + random.nextInt(3000));
      }
      List<String> names = new ArrayList<>();
      for (int n : numbers) {
        names.add(CLASSES[c] + n + ".jpg");
      }
      Collections.sort(names); // "A1008" before "A2": name order is not frame order
      for (String name : names) {
        labels[files.size()] = c;
        files.add(Path.of("data", CLASSES[c], name));
      }
    }
    return files;
  }

  @Test
  void frameNumbersAreReadFromLettersThenDigits() {
    assertEquals(1008, Splits.frameNumber(Path.of("A", "A1008.jpg")));
    assertEquals(12, Splits.frameNumber(Path.of("nothing12.png")));
    assertEquals(-1, Splits.frameNumber(Path.of("A_synthetic_1.png")));
    assertEquals(-1, Splits.frameNumber(Path.of("IMG_20240101_120000.jpg")));
    assertEquals(-1, Splits.frameNumber(Path.of("hand.jpg")));
  }

  @Test
  void theDefaultSplitHoldsOutWholeRunsOfFramesSoNoRunSitsOnBothSides() {
    int[] labels = new int[300];
    List<Path> files = kaggleNames(labels);
    Split split = Splits.of(files, labels, SplitMethod.AUTO, 0.2, 42);
    assertEquals(SplitMethod.FRAMES, split.method());
    assertTrue(split.reason().contains("frame numbers"), split.reason());
    Set<Integer> val = new HashSet<>();
    Arrays.stream(split.validation()).forEach(val::add);
    Arrays.stream(split.train()).forEach(i -> assertTrue(!val.contains(i), "in both: " + i));
    assertEquals(300, split.train().length + split.validation().length);
    for (int c = 0; c < CLASSES.length; c++) {
      int cls = c;
      List<Integer> byFrame = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == cls) {
          byFrame.add(i);
        }
      }
      byFrame.sort(
          (a, b) ->
              Long.compare(Splits.frameNumber(files.get(a)), Splits.frameNumber(files.get(b))));
      // 5 runs of 20 frames, one held out: the class's validation frames are one unbroken run
      int changes = 0;
      int held = 0;
      for (int k = 0; k < byFrame.size(); k++) {
        held += val.contains(byFrame.get(k)) ? 1 : 0;
        if (k > 0 && val.contains(byFrame.get(k)) != val.contains(byFrame.get(k - 1))) {
          changes++;
        }
      }
      assertEquals(20, held, CLASSES[c]);
      assertTrue(changes <= 2, CLASSES[c] + ": validation frames split into pieces: " + changes);
    }
  }

  @Test
  void runsFollowFrameNumbersNotNameOrder() {
    int[] labels = new int[300];
    List<Path> files = kaggleNames(labels);
    Split split = Splits.of(files, labels, SplitMethod.FRAMES, 0.2, 7);
    for (int c = 0; c < CLASSES.length; c++) {
      int cls = c;
      long[] valFrames =
          Arrays.stream(split.validation())
              .filter(i -> labels[i] == cls)
              .mapToLong(i -> Splits.frameNumber(files.get(i)))
              .sorted()
              .toArray();
      long below =
          Arrays.stream(split.train())
              .filter(i -> labels[i] == cls)
              .mapToLong(i -> Splits.frameNumber(files.get(i)))
              .filter(f -> f > valFrames[0] && f < valFrames[valFrames.length - 1])
              .count();
      assertEquals(0, below, "a training frame lies inside the held-out run of " + CLASSES[c]);
    }
  }

  @Test
  void namesWithoutFrameNumbersFallBackToARandomSplitAndSaySo() {
    int[] labels = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      files.add(Path.of("hand_" + (char) ('a' + i) + ".jpg"));
    }
    Split split = Splits.of(files, labels, SplitMethod.AUTO, 0.2, 1);
    assertEquals(SplitMethod.RANDOM, split.method());
    assertTrue(split.reason().contains("no frame numbers"), split.reason());
    assertEquals(
        Splits.stratified(labels, 0.2, 1).description(), split.description(), "same as random");
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Splits.of(files, labels, SplitMethod.FRAMES, 0.2, 1));
    assertTrue(e.getMessage().contains("hand_a.jpg"), e.getMessage());
  }

  @Test
  void splitMethodsParseTheirNamesAndOlderModelFilesNames() {
    assertEquals(SplitMethod.FRAMES, SplitMethod.parse("frames"));
    assertEquals(SplitMethod.RANDOM, SplitMethod.parse("stratified"));
    assertEquals(SplitMethod.blocks(50), SplitMethod.parse("blocks:50"));
    assertEquals(SplitMethod.blocks(50), SplitMethod.parse("blocks of 50"));
    assertEquals("blocks:50", SplitMethod.blocks(50).toString());
    assertThrows(IllegalArgumentException.class, () -> SplitMethod.parse("blocks:x"));
    assertThrows(IllegalArgumentException.class, () -> SplitMethod.parse("by-hand"));
  }
}
