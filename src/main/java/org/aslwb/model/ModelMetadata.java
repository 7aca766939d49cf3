package org.aslwb.model;

import java.util.List;
import java.util.Map;
import org.aslwb.data.Preprocessing;

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
    String createdAt) {
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
    return new ModelMetadata(
        format,
        formatVersion,
        architecture,
        widthMultiplier,
        classNames,
        preprocessing,
        List.copyOf(newHistory),
        newBestEpoch,
        seed,
        settings,
        dataFingerprint,
        createdAt);
  }

  /** The same metadata stamped with a creation time. */
  public ModelMetadata withCreatedAt(String time) {
    return new ModelMetadata(
        format,
        formatVersion,
        architecture,
        widthMultiplier,
        classNames,
        preprocessing,
        history,
        bestEpoch,
        seed,
        settings,
        dataFingerprint,
        time);
  }
}
