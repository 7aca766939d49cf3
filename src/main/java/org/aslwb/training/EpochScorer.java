package org.aslwb.training;

import java.util.ArrayList;
import java.util.List;
import org.aslwb.attack.Fgsm;
import org.aslwb.attack.RobustnessSweep;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.model.Classifier;
import org.aslwb.model.EpochMetrics;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/** Loss and accuracy of a classifier over samples, in inference mode, for the epoch metrics. */
final class EpochScorer {
  /** Mean cross-entropy and accuracy. */
  record LossAndAccuracy(double loss, double accuracy) {}

  /** What the training loop itself measured in an epoch. */
  record Training(
      int epoch, double loss, double learningRate, double imagesPerSecond, double seconds) {}

  /**
   * The epoch's metrics: training accuracy on {@code trainSample}, validation loss and accuracy
   * and, when the config asks for it, the validation accuracy under FGSM; all in inference mode.
   *
   * @throws Cancellation.CancelledException when cancelled during the attack
   */
  EpochMetrics epoch(
      Classifier classifier,
      LoadedDataset data,
      int[] trainSample,
      int[] validation,
      TrainingConfig config,
      Training training,
      Cancellation cancellation) {
    LossAndAccuracy train = score(classifier, data, trainSample);
    LossAndAccuracy val =
        validation.length == 0
            ? new LossAndAccuracy(Double.NaN, Double.NaN)
            : score(classifier, data, validation);
    Double robust =
        config.measuresRobustAccuracy() && validation.length > 0
            ? robustAccuracy(
                classifier, data, validation, config.robustEpsilon(), config.seed(), cancellation)
            : null;
    return new EpochMetrics(
        training.epoch(),
        training.loss(),
        train.accuracy(),
        val.loss(),
        val.accuracy(),
        training.learningRate(),
        training.imagesPerSecond(),
        training.seconds(),
        robust == null ? null : config.robustEpsilon(),
        robust);
  }

  LossAndAccuracy score(Classifier classifier, LoadedDataset data, int[] indices) {
    double loss = 0;
    int correct = 0;
    for (int start = 0; start < indices.length; start += 256) {
      int end = Math.min(indices.length, start + 256);
      List<PixelImage> images = new ArrayList<>(end - start);
      for (int i = start; i < end; i++) {
        images.add(data.image(indices[i]));
      }
      float[][] probs = classifier.probabilities(images);
      for (int i = start; i < end; i++) {
        float[] p = probs[i - start];
        int label = data.label(indices[i]);
        loss -= Math.log(Math.max(1e-12, p[label]));
        if (Classifier.argmax(p) == label) {
          correct++;
        }
      }
    }
    return new LossAndAccuracy(loss / indices.length, (double) correct / indices.length);
  }

  /**
   * Accuracy on untargeted FGSM images at {@code epsilon} (Goodfellow et al. 2015), by the Attack
   * tab's sweep, so that the curve drawn during training is a point of the curve the Attack tab
   * draws for the saved model (before its temperature, which changes no predicted class).
   *
   * @throws Cancellation.CancelledException when cancelled between batches
   */
  double robustAccuracy(
      Classifier classifier,
      LoadedDataset data,
      int[] indices,
      double epsilon,
      long seed,
      Cancellation cancellation) {
    return new RobustnessSweep()
        .run(
            "training",
            classifier,
            new Fgsm(false),
            data,
            indices,
            new double[] {epsilon},
            -1,
            seed,
            ProgressListener.NONE,
            cancellation)
        .points()
        .get(0)
        .accuracy();
  }
}
