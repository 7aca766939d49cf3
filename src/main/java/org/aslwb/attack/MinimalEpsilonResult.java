package org.aslwb.attack;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Minimal flipping epsilons of a set of images, with the settings that made them.
 *
 * @param model the model's name
 * @param images one entry per attacked image, in data set order
 * @param budget the largest epsilon tried
 * @param tolerance the bisection's absolute tolerance
 * @param seconds wall time
 */
public record MinimalEpsilonResult(
    String model, List<ImageEpsilon> images, double budget, double tolerance, double seconds) {
  /**
   * The median minimal epsilon over the correctly classified images, those never flipped counting
   * as infinite (as Foolbox reports them); {@code +Infinity} when half or more are never flipped,
   * NaN without correctly classified images.
   */
  public double median() {
    double[] e =
        images.stream()
            .filter(i -> !i.misclassified())
            .mapToDouble(ImageEpsilon::epsilon)
            .sorted()
            .toArray();
    if (e.length == 0) {
      return Double.NaN;
    }
    return e.length % 2 == 1 ? e[e.length / 2] : (e[e.length / 2 - 1] + e[e.length / 2]) / 2;
  }

  /** The flipped images, the most fragile (smallest epsilon) first. */
  public List<ImageEpsilon> mostFragile(int count) {
    return images.stream()
        .filter(ImageEpsilon::flipped)
        .sorted(Comparator.comparingDouble(ImageEpsilon::epsilon))
        .limit(count)
        .toList();
  }

  /** Images never flipped up to the budget. */
  public long neverFlipped() {
    return images.stream().filter(i -> Double.isInfinite(i.epsilon())).count();
  }

  /** One grey level of an 8-bit image, on the [0,1] scale epsilons are given in. */
  public static final double ONE_GREY_LEVEL = 1.0 / 255;

  /**
   * Flipped images whose epsilon is under one grey level: a perturbation that small rounds away
   * when the adversarial image is saved as an 8-bit file, so it flips the model only in floating
   * point. Their epsilons are below the bisection's tolerance, which is one grey level too.
   */
  public long belowOneGreyLevel() {
    return images.stream().filter(i -> i.flipped() && i.epsilon() < ONE_GREY_LEVEL).count();
  }

  /** Images misclassified before any attack. */
  public long misclassified() {
    return images.stream().filter(ImageEpsilon::misclassified).count();
  }

  /** Flipped images per bin of width budget / bins over (0, budget]. */
  public long[] histogram(int bins) {
    long[] counts = new long[bins];
    for (ImageEpsilon i : images) {
      if (i.flipped()) {
        counts[Math.min(bins - 1, (int) Math.floor(i.epsilon() / budget * bins))]++;
      }
    }
    return counts;
  }

  /** The flipped images' epsilons, sorted. */
  public double[] flippedEpsilons() {
    double[] e =
        images.stream().filter(ImageEpsilon::flipped).mapToDouble(ImageEpsilon::epsilon).toArray();
    Arrays.sort(e);
    return e;
  }
}
