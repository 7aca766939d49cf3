package org.aslwb.explain;

import java.util.HashMap;
import java.util.Map;

/**
 * How far two label maps of the same image agree, whatever their label numbers: the adjusted Rand
 * index (1 identical partitions, about 0 chance), and the share of pixels that lie in the segment
 * of the other map that overlaps their own segment most (purity, measured both ways).
 *
 * @param adjustedRand the adjusted Rand index
 * @param purity share of pixels of {@code ours} inside the best-overlapping reference segment
 * @param inversePurity the same with the roles swapped
 */
public record LabelAgreement(double adjustedRand, double purity, double inversePurity) {
  /** Compares two label maps of equal length (any label values). */
  public static LabelAgreement of(int[] ours, int[] reference) {
    if (ours.length != reference.length || ours.length == 0) {
      throw new IllegalArgumentException(
          "label maps differ in size: " + ours.length + " vs " + reference.length);
    }
    Map<Long, Long> joint = new HashMap<>();
    Map<Integer, Long> a = new HashMap<>();
    Map<Integer, Long> b = new HashMap<>();
    for (int i = 0; i < ours.length; i++) {
      joint.merge(((long) ours[i] << 32) ^ (reference[i] & 0xffffffffL), 1L, Long::sum);
      a.merge(ours[i], 1L, Long::sum);
      b.merge(reference[i], 1L, Long::sum);
    }
    double n = ours.length;
    double index = joint.values().stream().mapToDouble(LabelAgreement::pairs).sum();
    double rows = a.values().stream().mapToDouble(LabelAgreement::pairs).sum();
    double cols = b.values().stream().mapToDouble(LabelAgreement::pairs).sum();
    double expected = rows * cols / pairs((long) n);
    double max = (rows + cols) / 2;
    double ari = max == expected ? 1 : (index - expected) / (max - expected);
    Map<Integer, Long> bestOfOurs = new HashMap<>();
    Map<Integer, Long> bestOfReference = new HashMap<>();
    joint.forEach(
        (key, count) -> {
          bestOfOurs.merge((int) (key >> 32), count, Math::max);
          bestOfReference.merge((int) (long) key, count, Math::max);
        });
    return new LabelAgreement(
        ari,
        bestOfOurs.values().stream().mapToLong(Long::longValue).sum() / n,
        bestOfReference.values().stream().mapToLong(Long::longValue).sum() / n);
  }

  private static double pairs(long k) {
    return k * (k - 1) / 2.0;
  }
}
