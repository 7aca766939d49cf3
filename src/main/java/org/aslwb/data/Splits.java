package org.aslwb.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Seeded train/validation splits. */
public final class Splits {
  /**
   * Letters, an optional separator, then the frame number: {@code A1008.jpg}, {@code del_12.png}.
   */
  private static final Pattern FRAME_NAME =
      Pattern.compile("[A-Za-z]+[_\\- ]?(\\d{1,9})\\.[A-Za-z0-9]+");

  private Splits() {}

  /**
   * The split a training run uses, for {@code method} over {@code data}. {@link SplitMethod#AUTO}
   * becomes frame runs when every file name carries a frame number and stratified random otherwise;
   * the split says which ({@link Split#method()}) and why ({@link Split#reason()}). Evaluation
   * calls this too, with the method a model file records, to find the model's validation split.
   *
   * @throws IllegalArgumentException for {@code frames} over files without frame numbers, naming
   *     one
   */
  public static Split of(LoadedDataset data, SplitMethod method, double fraction, long seed) {
    int[] labels = data.labels();
    List<Path> files = data.samples().stream().map(Sample::file).toList();
    return of(files, labels, method, fraction, seed);
  }

  /** {@link #of(LoadedDataset, SplitMethod, double, long)} over file names and labels. */
  public static Split of(
      List<Path> files, int[] labels, SplitMethod method, double fraction, long seed) {
    switch (method.kind()) {
      case BLOCKS:
        return byBlocks(labels, fraction, method.blockSize(), seed);
      case RANDOM:
        return stratified(labels, fraction, seed);
      case FRAMES:
        Path unnumbered = firstWithoutFrameNumber(files);
        if (unnumbered != null) {
          throw new IllegalArgumentException(
              "split by frames: "
                  + unnumbered
                  + " has no frame number (expected letters then digits, as A1008.jpg)");
        }
        return byFrameRuns(files, labels, fraction, seed, "frame split chosen");
      default:
        Path first = firstWithoutFrameNumber(files);
        if (first == null && !files.isEmpty()) {
          return byFrameRuns(
              files, labels, fraction, seed, "file names carry frame numbers (as A1008.jpg)");
        }
        Split s = stratified(labels, fraction, seed);
        return new Split(
            s.train(),
            s.validation(),
            s.method(),
            s.description(),
            "file names carry no frame numbers"
                + (first == null ? "" : " (" + first.getFileName() + ")")
                + ": random split");
    }
  }

  /** The frame number in a name like {@code A1008.jpg}, or -1. */
  public static long frameNumber(Path file) {
    Matcher m = FRAME_NAME.matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  private static Path firstWithoutFrameNumber(List<Path> files) {
    return files.stream().filter(f -> frameNumber(f) < 0).findFirst().orElse(null);
  }

  /**
   * Holds out whole runs of consecutive frame numbers within each class. The Kaggle photos are
   * frames of one video per class: neighbouring frames are near-copies, so a random split scores
   * the model on twins of its training images. Each class's frames, in frame-number order, are cut
   * into {@code k = max(2, round(1 / fraction))} runs of near-equal length, and {@code round(k *
   * fraction)} of them (at least one) are held out; a run is never cut between the sides.
   */
  public static Split byFrameRuns(
      List<Path> files, int[] labels, double fraction, long seed, String reason) {
    checkFraction(fraction);
    Random random = new Random(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> val = new ArrayList<>();
    int k = fraction == 0 ? 1 : Math.max(2, (int) Math.round(1 / fraction));
    for (List<Integer> members : byClass(labels)) {
      List<Integer> ordered = new ArrayList<>(members);
      ordered.sort(Comparator.comparingLong((Integer i) -> frameNumber(files.get(i))));
      List<List<Integer>> runs = runs(ordered, Math.min(k, ordered.size()));
      int held = runs.size() < 2 ? 0 : Math.max(1, (int) Math.round(runs.size() * fraction));
      List<Integer> order = new ArrayList<>();
      for (int r = 0; r < runs.size(); r++) {
        order.add(r);
      }
      Collections.shuffle(order, random);
      for (int r = 0; r < runs.size(); r++) {
        (order.indexOf(r) < held ? val : train).addAll(runs.get(r));
      }
    }
    return new Split(
        sorted(train),
        sorted(val),
        SplitMethod.FRAMES,
        "frame runs=" + k + " fraction=" + fraction + " seed=" + seed,
        reason);
  }

  /** {@code ordered} cut into {@code k} consecutive runs whose lengths differ by at most one. */
  private static List<List<Integer>> runs(List<Integer> ordered, int k) {
    List<List<Integer>> runs = new ArrayList<>();
    for (int r = 0; r < k; r++) {
      runs.add(ordered.subList(r * ordered.size() / k, (r + 1) * ordered.size() / k));
    }
    return runs;
  }

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
        sorted(train),
        sorted(val),
        SplitMethod.RANDOM,
        "stratified fraction=" + fraction + " seed=" + seed,
        "random split");
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
        SplitMethod.blocks(blockSize),
        "blocks size=" + blockSize + " fraction=" + fraction + " seed=" + seed,
        "blocks of " + blockSize + " consecutive files");
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
