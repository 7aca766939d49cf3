package org.aslwb.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aslwb.data.Preprocessing;
import org.aslwb.data.SplitMethod;

/**
 * Everything a model file says about its network besides the weights.
 *
 * @param format always {@link #FORMAT}, to recognise our files
 * @param formatVersion file format version
 * @param architecture "cnn" or "darknet53"
 * @param widthMultiplier channel width multiplier
 * @param classNames class names in output order
 * @param preprocessing input geometry and normalisation, replayed exactly at prediction time
 * @param history per-epoch metrics
 * @param bestEpoch the epoch whose weights these are (early stopping restores the best)
 * @param seed the seed of every random draw in training
 * @param settings the training settings, as text
 * @param dataFingerprint a fingerprint of the training data (file names, sizes) and its split
 * @param createdAt ISO-8601 time of saving
 * @param calibration the fitted softmax temperature, or null (older files, or not fitted)
 * @param externalTests scores on data the model did not train on, oldest first, or null
 */
public record ModelMetadata(
    String format,
    int formatVersion,
    String architecture,
    double widthMultiplier,
    List<String> classNames,
    Preprocessing preprocessing,
    List<EpochMetrics> history,
    int bestEpoch,
    long seed,
    Map<String, String> settings,
    String dataFingerprint,
    String createdAt,
    TemperatureScaling calibration,
    List<ExternalTest> externalTests) {
  /** The format marker of ASL Workbench model files. */
  public static final String FORMAT = "aslwb-model";

  /** The current format version. */
  public static final int VERSION = 1;

  /** The {@link #architecture()} of a model imported from Keras. */
  public static final String KERAS = "keras";

  /** The settings key naming the file an imported model came from. */
  public static final String SOURCE = "imported_from";

  /** Whether the network was imported rather than trained by the workbench. */
  public boolean isImported() {
    return KERAS.equals(architecture);
  }

  /** The network size this metadata describes. */
  public NetworkShape shape() {
    return new NetworkShape(
        classNames.size(),
        preprocessing.width(),
        preprocessing.height(),
        preprocessing.channels(),
        widthMultiplier);
  }

  /** The same metadata with another history and best epoch. */
  public ModelMetadata withHistory(List<EpochMetrics> newHistory, int newBestEpoch) {
    return copy(List.copyOf(newHistory), newBestEpoch, createdAt, calibration, externalTests);
  }

  /** The same metadata stamped with a creation time. */
  public ModelMetadata withCreatedAt(String time) {
    return copy(history, bestEpoch, time, calibration, externalTests);
  }

  /** The same metadata with a fitted temperature. */
  public ModelMetadata withCalibration(TemperatureScaling scaling) {
    return copy(history, bestEpoch, createdAt, scaling, externalTests);
  }

  /** The same metadata with one more external test result. */
  public ModelMetadata withExternalTest(ExternalTest test) {
    List<ExternalTest> tests = new ArrayList<>(externalTestsOrEmpty());
    tests.add(test);
    return copy(history, bestEpoch, createdAt, calibration, List.copyOf(tests));
  }

  /** The fields that change after training, replaced; what describes the network is kept. */
  private ModelMetadata copy(
      List<EpochMetrics> newHistory,
      int newBestEpoch,
      String time,
      TemperatureScaling scaling,
      List<ExternalTest> tests) {
    return new ModelMetadata(
        format,
        formatVersion,
        architecture,
        widthMultiplier,
        classNames,
        preprocessing,
        newHistory,
        newBestEpoch,
        seed,
        settings,
        dataFingerprint,
        time,
        scaling,
        tests);
  }

  /** The softmax temperature predictions use: 1 when none was fitted. */
  public double temperatureOrOne() {
    return calibration == null ? 1 : calibration.temperature();
  }

  /** External test results, oldest first (none in older files). */
  public List<ExternalTest> externalTestsOrEmpty() {
    return externalTests == null ? List.of() : externalTests;
  }

  /**
   * How the validation split was held out, as {@link SplitMethod#toString()} writes it ("frames",
   * "random", "blocks:50"); older files' "stratified" reads as "random".
   */
  public String validationSplitMethod() {
    String recorded = settings == null ? null : settings.get("split");
    try {
      return recorded == null ? "random" : SplitMethod.parse(recorded).toString();
    } catch (IllegalArgumentException e) {
      return recorded;
    }
  }
}
