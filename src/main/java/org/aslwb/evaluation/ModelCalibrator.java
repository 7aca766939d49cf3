package org.aslwb.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import org.aslwb.data.DatasetIndex;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.LoadedDataset;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TemperatureScaling;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * Fits the temperature of a model that has none (trained before calibration existed) on its own
 * validation split, and keeps it in the model file. Only the validation split: fitting on an
 * outside data set would tune the model to that set.
 */
public final class ModelCalibrator {
  private final DatasetLoader loader;

  /** A calibrator loading through {@code loader}. */
  public ModelCalibrator(DatasetLoader loader) {
    this.loader = loader;
  }

  /**
   * Fits and saves the temperature.
   *
   * @throws IllegalArgumentException when {@code index} is not the model's training data or the
   *     model has no validation split
   */
  public TemperatureScaling calibrate(
      TrainedModel model,
      Path modelFile,
      DatasetIndex index,
      ProgressListener progress,
      Cancellation cancellation)
      throws IOException {
    var pre = model.metadata().preprocessing();
    LoadedDataset data =
        loader.load(index, pre.width(), pre.height(), pre.channels(), progress, cancellation);
    EvaluationSplit split = Evaluator.splitOf(model.metadata(), data, false);
    if (!EvaluationSplit.VAL.equals(split.label())) {
      throw new IllegalArgumentException(
          index.root()
              + (EvaluationSplit.EXTERNAL.equals(split.label())
                  ? " is not the data " + modelFile + " was trained on (other files or classes)"
                  : ": " + modelFile + " was trained without a validation split")
              + ": a temperature is fitted on the model's validation split only");
    }
    TemperatureScaling t =
        TemperatureFitter.fit(
            model.rawClassifier(), data, split.indices(), split.label(), split.method());
    ModelStore.updateMetadata(modelFile, m -> m.withCalibration(t));
    return t;
  }
}
