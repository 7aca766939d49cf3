package org.aslwb.attack;

import org.aslwb.data.DatasetLoader;
import org.aslwb.data.LoadedDataset;
import org.aslwb.evaluation.Evaluator;
import org.aslwb.model.Classifier;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * The Attack tab's accuracy-against-epsilon sweep: a model over the first N images of its
 * validation split of a loaded data set (resampled to the model's input size), by {@link
 * RobustnessSweep}.
 */
public final class ValidationSweep {
  private ValidationSweep() {}

  /**
   * Runs the sweep.
   *
   * @param name the curve's name
   * @param method fgsm, bim or pgd
   * @param targetName a class name to pull towards, or null for untargeted
   * @param seed the seed of PGD's random start
   */
  public static SweepResult run(
      String name,
      TrainedModel model,
      LoadedDataset shown,
      String method,
      String targetName,
      SweepSettings settings,
      long seed,
      ProgressListener progress,
      Cancellation cancellation)
      throws Exception {
    Classifier classifier = model.classifier();
    int target = targetName == null ? -1 : classifier.classNames().indexOf(targetName);
    Attack attack = Attack.parse(method, target >= 0, seed);
    var pre = model.metadata().preprocessing();
    LoadedDataset data =
        new DatasetLoader().atSize(shown, pre.width(), pre.height(), progress, cancellation);
    int[] indices = Evaluator.validationIndices(model.metadata(), data);
    return new RobustnessSweep()
        .run(
            name,
            classifier,
            attack,
            data,
            settings.firstImages(indices),
            settings.epsilons(),
            target,
            seed,
            progress,
            cancellation);
  }
}
