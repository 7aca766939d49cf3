package org.aslwb.evaluation;

import java.util.List;

/**
 * The result of evaluating a model on a data set split.
 *
 * @param split which split ("val" or "all")
 * @param confusion the confusion matrix over the data set's classes
 * @param samples every evaluated image with its prediction
 * @param seconds wall time of the evaluation
 */
public record Evaluation(
    String split, ConfusionMatrix confusion, List<ScoredSample> samples, double seconds) {
  /** Overall accuracy. */
  public double accuracy() {
    return confusion.accuracy();
  }

  /** The samples of one confusion cell. */
  public List<ScoredSample> cell(int actual, int predicted) {
    return samples.stream()
        .filter(s -> s.actual() == actual && s.predicted() == predicted)
        .toList();
  }
}
