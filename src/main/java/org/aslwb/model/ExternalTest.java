package org.aslwb.model;

import java.util.List;

/**
 * A score of a model on data it did not train on, kept in the model file so that the honest figure
 * travels with the model.
 *
 * @param dataFolder the folder tested on, as given
 * @param dataFingerprint fingerprint of the images scored
 * @param date ISO-8601 time of the test
 * @param accuracy accuracy over the scored images
 * @param images number of images scored
 * @param split always "external": none of these images were in training or validation
 * @param ece expected calibration error (15 bins) of the probabilities the model reports
 * @param skippedFolders folders of the data set that are not model classes, not scored
 */
public record ExternalTest(
    String dataFolder,
    String dataFingerprint,
    String date,
    double accuracy,
    int images,
    String split,
    double ece,
    List<String> skippedFolders) {
  /** The split label of every external test. */
  public static final String SPLIT = "external";
}
