package org.aslwb.evaluation;

import java.util.List;

/**
 * The result of evaluating a model on a data set split.
 *
 * @param split which images: "val", "all" or "external" (see {@link EvaluationSplit})
 * @param splitMethod how the validation split was held out ("frames", "random", "blocks:N"; "" for
 *     external data)
 * @param confusion the confusion matrix over the data set's classes
 * @param samples every evaluated image with its prediction
 * @param seconds wall time of the evaluation
 * @param temperature the softmax temperature the reported probabilities used (1: none)
 * @param rawCalibration calibration of the network's own probabilities
 * @param calibration calibration of the reported probabilities (after the temperature)
 */
public record Evaluation(
    String split,
    String splitMethod,
    ConfusionMatrix confusion,
    List<ScoredSample> samples,
    double seconds,
    double temperature,
    CalibrationReport rawCalibration,
    CalibrationReport calibration) {
  /** The split in words, for labels: "val, frames split", "external". */
  public String describeSplit() {
    return new EvaluationSplit(split, splitMethod, new int[0]).describe();
  }

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
