package org.aslwb.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.aslwb.data.ClassMatcher;
import org.aslwb.data.DataFingerprint;
import org.aslwb.data.DatasetIndex;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.Split;
import org.aslwb.data.SplitMethod;
import org.aslwb.model.ExternalTest;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * Evaluating a model on a data set folder, the way the CLI and the Evaluate tab both do it: the
 * folders that are model classes (any case) are kept and the others listed, the images are loaded
 * at the model's input size, the model's validation split is scored when the folder is its training
 * data and every image, labelled "external", otherwise; an external result is kept in the model
 * file.
 */
public final class EvaluationRun {
  /**
   * What an evaluation run did.
   *
   * @param evaluation the scores
   * @param data the images scored (thumbnails come from here)
   * @param skippedFolders folders left out because they are not model classes
   * @param recorded the external test kept in the model file, or null
   * @param recordProblem why an external result could not be kept, or null
   */
  public record Result(
      Evaluation evaluation,
      LoadedDataset data,
      List<String> skippedFolders,
      ExternalTest recorded,
      String recordProblem) {}

  private final DatasetLoader loader;

  /** A run loading through {@code loader}. */
  public EvaluationRun(DatasetLoader loader) {
    this.loader = loader;
  }

  /**
   * Evaluates {@code model} on the data set {@code index}.
   *
   * @param modelFile where to keep an external result; null to keep none
   * @param loaded {@code index} already loaded (at any size), or null
   * @param allImages score all images of the training data rather than its validation split
   * @throws IllegalArgumentException when none of the folders is a model class
   */
  public Result run(
      TrainedModel model,
      Path modelFile,
      DatasetIndex index,
      LoadedDataset loaded,
      boolean allImages,
      ProgressListener progress,
      Cancellation cancellation)
      throws IOException {
    var pre = model.metadata().preprocessing();
    ClassMatcher.Selection selection = ClassMatcher.select(index, model.metadata().classNames());
    LoadedDataset data =
        loaded != null && selection.unchanged(index)
            ? loader.atSize(loaded, pre.width(), pre.height(), progress, cancellation)
            : loader.load(
                selection.index(),
                pre.width(),
                pre.height(),
                pre.channels(),
                progress,
                cancellation);
    EvaluationSplit split = Evaluator.splitOf(model.metadata(), data, allImages);
    Evaluation evaluation =
        new Evaluator()
            .evaluate(
                model.rawClassifier(),
                model.metadata().temperatureOrOne(),
                data,
                split,
                progress,
                cancellation);
    if (modelFile == null || !EvaluationSplit.EXTERNAL.equals(split.label())) {
      return new Result(evaluation, data, selection.skipped(), null, null);
    }
    ExternalTest test =
        new ExternalTest(
            index.root().toString(),
            fingerprint(data),
            Instant.now().toString(),
            evaluation.accuracy(),
            evaluation.samples().size(),
            ExternalTest.SPLIT,
            evaluation.calibration().ece(),
            selection.skipped());
    try {
      ModelStore.updateMetadata(modelFile, m -> m.withExternalTest(test));
      return new Result(evaluation, data, selection.skipped(), test, null);
    } catch (IOException e) {
      return new Result(
          evaluation,
          data,
          selection.skipped(),
          null,
          modelFile + ": the external result was not kept (" + e.getMessage() + ")");
    }
  }

  /** The fingerprint of all the images scored (no split: none of them were trained on). */
  private static String fingerprint(LoadedDataset data) {
    int[] all = Evaluator.allIndices(data);
    return DataFingerprint.of(
        data, new Split(new int[0], all, SplitMethod.RANDOM, "external", "external"));
  }
}
