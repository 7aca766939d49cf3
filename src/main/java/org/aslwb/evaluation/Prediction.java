package org.aslwb.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A classifier's answer for one image: the predicted class and the top-k probabilities.
 *
 * @param predicted index of the most probable class
 * @param probabilities all class probabilities
 * @param top the k most probable classes, most probable first
 */
public record Prediction(int predicted, float[] probabilities, List<Ranked> top) {
  /**
   * One of the top classes.
   *
   * @param index class index
   * @param name class name
   * @param probability its probability
   */
  public record Ranked(int index, String name, double probability) {}

  /** Ranks {@code probabilities}, keeping the best {@code k}. */
  public static Prediction of(float[] probabilities, List<String> classNames, int k) {
    List<Ranked> all = new ArrayList<>();
    for (int i = 0; i < probabilities.length; i++) {
      all.add(new Ranked(i, classNames.get(i), probabilities[i]));
    }
    all.sort(Comparator.comparingDouble(Ranked::probability).reversed());
    List<Ranked> top = List.copyOf(all.subList(0, Math.min(k, all.size())));
    return new Prediction(top.get(0).index(), probabilities, top);
  }

  /** The predicted class name. */
  public String label() {
    return top.get(0).name();
  }

  /** The predicted class probability. */
  public double confidence() {
    return top.get(0).probability();
  }
}
