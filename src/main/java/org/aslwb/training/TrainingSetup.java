package org.aslwb.training;

import java.nio.file.Path;
import java.util.List;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.Preprocessing;
import org.aslwb.data.Split;
import org.aslwb.data.Splits;
import org.aslwb.evaluation.TemperatureFitter;
import org.aslwb.model.ModelFileException;
import org.aslwb.model.ModelMetadata;
import org.aslwb.model.NetworkShape;
import org.aslwb.model.TemperatureScaling;
import org.aslwb.model.TrainedModel;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * What a training run checks and builds before its first batch, shared by {@link Trainer} and
 * {@link TrainingStart}: whether the data can be trained on, the validation split, the fresh
 * network with the metadata its model file will carry, whether a checkpoint belongs to the data,
 * and, at the end, the temperature fitted on the validation split.
 */
final class TrainingSetup {
  private TrainingSetup() {}

  /** Fits the softmax temperature on the validation split; null when there is none. */
  static TemperatureScaling calibrate(TrainedModel model, LoadedDataset data, Split split) {
    if (split.validation().length == 0) {
      return null;
    }
    return TemperatureFitter.fit(
        model.rawClassifier(), data, split.validation(), "val", split.method().toString());
  }

  static TrainedModel freshModel(
      LoadedDataset data, TrainingConfig config, Split split, String fingerprint) {
    float[][] stats = BatchAssembler.channelStatistics(data, split.train());
    Preprocessing preprocessing =
        new Preprocessing(data.width(), data.height(), data.channels(), stats[0], stats[1]);
    NetworkShape shape =
        new NetworkShape(
            data.classNames().size(),
            data.width(),
            data.height(),
            data.channels(),
            config.widthMultiplier());
    ComputationGraph net =
        config.architecture().create(shape, config.seed(), config.learningRate());
    var settings = new java.util.LinkedHashMap<>(config.asSettings());
    settings.put("split", split.method().toString());
    settings.put("split_detail", split.description());
    ModelMetadata metadata =
        new ModelMetadata(
            ModelMetadata.FORMAT,
            ModelMetadata.VERSION,
            config.architecture().id(),
            config.widthMultiplier(),
            data.classNames(),
            preprocessing,
            List.of(),
            0,
            config.seed(),
            settings,
            fingerprint,
            "",
            null,
            null);
    return new TrainedModel(net, metadata);
  }

  static void checkData(LoadedDataset data, TrainingConfig config) {
    if (data.classNames().size() < 2) {
      throw new IllegalArgumentException(
          data.index().root()
              + ": only one class ("
              + data.classNames()
              + "): a classifier needs at least two");
    }
    if (data.size() == 0) {
      throw new IllegalArgumentException(data.index().root() + ": no readable images");
    }
    List<String> empty = data.emptyClasses();
    if (!empty.isEmpty()) {
      throw new IllegalArgumentException(Trainer.emptyClassesMessage(data.index().root(), empty));
    }
    if (data.width() != config.inputSize() || data.height() != config.inputSize()) {
      throw new IllegalArgumentException(
          "data loaded at "
              + data.width()
              + "x"
              + data.height()
              + " but the model input is "
              + config.inputSize());
    }
  }

  static void checkResumable(
      Path checkpoint, ModelMetadata metadata, LoadedDataset data, String fingerprint)
      throws ModelFileException {
    if (!metadata.classNames().equals(data.classNames())) {
      throw new ModelFileException(
          checkpoint, "checkpoint was trained on other classes " + metadata.classNames());
    }
    if (!fingerprint.equals(metadata.dataFingerprint())) {
      throw new ModelFileException(
          checkpoint,
          "checkpoint was trained on other data or another split; " + "delete it to start afresh");
    }
  }

  static Split split(LoadedDataset data, TrainingConfig config) {
    return Splits.of(data, config.split(), config.validationFraction(), config.seed());
  }
}
