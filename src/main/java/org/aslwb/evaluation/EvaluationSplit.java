package org.aslwb.evaluation;

/**
 * Which images of a data set an evaluation scores, and what they are to the model.
 *
 * @param label "val" (the model's held-out validation split of its own training data), "all" (all
 *     of its training data, training images included) or "external" (data it never saw)
 * @param method how the validation split was held out ("frames", "random", "blocks:N"); "" for
 *     external data
 * @param indices the sample indices scored
 */
public record EvaluationSplit(String label, String method, int[] indices) {
  /** Validation images of the training data. */
  public static final String VAL = "val";

  /** All images of the training data. */
  public static final String ALL = "all";

  /** Data the model did not train on. */
  public static final String EXTERNAL = "external";

  /** "val (frames split)", "all (training data)", "external": for labels next to a figure. */
  public String describe() {
    return switch (label) {
      case VAL -> "val, " + method + " split";
      case ALL -> "all of the training data";
      default -> label;
    };
  }
}
