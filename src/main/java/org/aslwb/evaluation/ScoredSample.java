package org.aslwb.evaluation;

import java.nio.file.Path;

/**
 * One evaluated image.
 *
 * @param file the image file
 * @param sampleIndex index in the loaded data set
 * @param actual true class (data set label)
 * @param predicted predicted class as a data set label, -1 when outside the data set's classes
 * @param predictedName predicted class name (a model class)
 * @param confidence probability of the predicted class
 */
public record ScoredSample(
    Path file,
    int sampleIndex,
    int actual,
    int predicted,
    String predictedName,
    double confidence) {
  /** Whether the prediction is right. */
  public boolean correct() {
    return actual == predicted;
  }
}
