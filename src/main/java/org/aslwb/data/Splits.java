package org.aslwb.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Seeded train/validation splits. */
public final class Splits {
  private Splits() {}

  /**
   * Stratified random split: each class contributes {@code round(n * fraction)} images to
   * validation (at least one when it has two or more).
   */
  public static Split stratified(int[] labels, double fraction, long seed) {
    checkFraction(fraction);
    Random random = new Random(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> val = new ArrayList<>();
    for (List<Integer> members : byClass(labels)) {
      List<Integer> shuffled = new ArrayList<>(members);
      Collections.shuffle(shuffled, random);
      int nVal = validationCount(shuffled.size(), fraction);
      val.addAll(shuffled.subList(0, nVal));
      train.addAll(shuffled.subList(nVal, shuffled.size()));
    }
    return new Split(
        sorted(train), sorted(val), "stratified fraction=" + fraction + " seed=" + seed);
  }

  /**
   * Split by blocks of consecutive samples within each class. The ASL photos are video frames, so
   * neighbours are near-duplicates and a random split puts one frame in training and its twin in
   * validation, which flatters accuracy. Whole blocks of {@code blockSize} consecutive samples (in
   * file-name order) go to one side.
   */
  public static Split byBlocks(int[] labels, double fraction, int blockSize, long seed) {
    checkFraction(fraction);
    if (blockSize < 1) {
      throw new IllegalArgumentException("block size must be at least 1");
    }
    Random random = new Random(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> val = new ArrayList<>();
    for (List<Integer> members : byClass(labels)) {
      List<List<Integer>> blocks = new ArrayList<>();
      for (int start = 0; start < members.size(); start += blockSize) {
        blocks.add(members.subList(start, Math.min(members.size(), start + blockSize)));
      }
      Collections.shuffle(blocks, random);
      int wanted = validationCount(members.size(), fraction);
      int taken = 0;
      for (List<Integer> block : blocks) {
        if (taken < wanted && blocks.size() > 1) {
          val.addAll(block);
          taken += block.size();
        } else {
          train.addAll(block);
        }
      }
    }
    return new Split(
        sorted(train),
        sorted(val),
        "blocks size=" + blockSize + " fraction=" + fraction + " seed=" + seed);
  }

  /**
   * The split a training run uses: by blocks of {@code blockSize} consecutive frames when it is
   * positive, stratified otherwise. Evaluation calls this too, to find a model's validation split.
   */
  public static Split of(int[] labels, double fraction, int blockSize, long seed) {
    return blockSize > 0
        ? byBlocks(labels, fraction, blockSize, seed)
        : stratified(labels, fraction, seed);
  }

  private static int validationCount(int n, double fraction) {
    if (n < 2 || fraction == 0) {
      return 0;
    }
    return Math.max(1, Math.min(n - 1, (int) Math.round(n * fraction)));
  }

  private static List<List<Integer>> byClass(int[] labels) {
    int classes = Arrays.stream(labels).max().orElse(-1) + 1;
    List<List<Integer>> members = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      members.get(labels[i]).add(i);
    }
    return members;
  }

  private static int[] sorted(List<Integer> indices) {
    return indices.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  private static void checkFraction(double fraction) {
    if (fraction < 0 || fraction >= 1) {
      throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + fraction);
    }
  }
}
