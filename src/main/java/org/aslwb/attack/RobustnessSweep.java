package org.aslwb.attack;

import java.util.ArrayList;
import java.util.List;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.model.ClassMapping;
import org.aslwb.model.Classifier;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * Accuracy against epsilon over a set of images. For FGSM each image's input gradient is computed
 * once and reused for every epsilon (it does not depend on epsilon): one backward pass per image
 * and one forward pass per image and epsilon. Iterative attacks run in full per epsilon.
 */
public final class RobustnessSweep {
  // the batch at which the CNN's inference is fastest on this machine (see bench train)
  private static final int BATCH = 128;

  /**
   * Runs the sweep.
   *
   * @param target model class index to aim for, or -1 for untargeted
   */
  public SweepResult run(
      String modelName,
      Classifier classifier,
      Attack attack,
      LoadedDataset data,
      int[] indices,
      double[] epsilons,
      int target,
      long seed,
      ProgressListener progress,
      Cancellation cancellation) {
    if (attack.targeted() != (target >= 0)) {
      throw new IllegalArgumentException(
          "a targeted attack needs a target class, an untargeted one none");
    }
    long started = System.nanoTime();
    ClassMapping mapping = ClassMapping.of(classifier.classNames(), data.classNames());
    CountingClassifier counted = new CountingClassifier(classifier);
    int classes = data.classNames().size();
    Tally[] tallies = new Tally[epsilons.length];
    for (int e = 0; e < epsilons.length; e++) {
      tallies[e] = new Tally(classes, classifier.numClasses());
    }
    for (int start = 0; start < indices.length; start += BATCH) {
      cancellation.check();
      int end = Math.min(indices.length, start + BATCH);
      List<PixelImage> images = new ArrayList<>();
      int[] truth = new int[end - start];
      int[] modelTruth = new int[end - start];
      for (int i = start; i < end; i++) {
        images.add(data.image(indices[i]));
        truth[i - start] = data.label(indices[i]);
        modelTruth[i - start] = mapping.modelIndex(truth[i - start]);
      }
      int[] goal = target >= 0 ? filled(images.size(), target) : modelTruth;
      int[] cleanPredictions = argmax(counted.probabilities(images));
      float[][] signs =
          attack instanceof Fgsm ? Fgsm.signs(counted.lossGradients(images, goal)) : null;
      for (int e = 0; e < epsilons.length; e++) {
        List<PixelImage> adversarial;
        if (signs != null) {
          adversarial = new ArrayList<>(images.size());
          for (int i = 0; i < images.size(); i++) {
            adversarial.add(((Fgsm) attack).applyAlong(images.get(i), signs[i], epsilons[e]));
          }
        } else {
          adversarial = attack.perturb(counted, images, goal, epsilons[e]);
        }
        // at eps 0 every attack returns the clean images, whose predictions are known already
        int[] predictions =
            epsilons[e] == 0 ? cleanPredictions : argmax(counted.probabilities(adversarial));
        for (int i = 0; i < images.size(); i++) {
          tallies[e].add(
              truth[i],
              modelTruth[i],
              cleanPredictions[i],
              predictions[i],
              target,
              adversarial.get(i).maxAbsDifference(images.get(i)),
              adversarial.get(i).l2Distance(images.get(i)));
        }
      }
      progress.progress(end, indices.length, attack.name() + " sweep");
    }
    double[] perUnit = classifier.preprocessing().normalisedPerPixelUnit();
    double meanPerUnit = java.util.Arrays.stream(perUnit).average().orElse(1);
    List<CurvePoint> points = new ArrayList<>();
    for (int e = 0; e < epsilons.length; e++) {
      points.add(tallies[e].point(epsilons[e], epsilons[e] * meanPerUnit, target >= 0));
    }
    return new SweepResult(
        modelName,
        attack.name(),
        target >= 0 ? classifier.classNames().get(target) : null,
        indices.length,
        data.classNames(),
        points,
        counted.gradientPasses(),
        (System.nanoTime() - started) / 1e9,
        seed);
  }

  private static int[] filled(int n, int value) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, value);
    return a;
  }

  static int[] argmax(float[][] probabilities) {
    return java.util.Arrays.stream(probabilities).mapToInt(Classifier::argmax).toArray();
  }

  /** Running counts at one epsilon. */
  private static final class Tally {
    private final long[] correctPerClass;
    private final long[] totalPerClass;
    private final long[][] confusion;
    private long images;
    private long correct;
    private long cleanCorrect;
    private long flipped;
    private long hitTarget;
    private double linf;
    private double l2;

    Tally(int classes, int modelClasses) {
      correctPerClass = new long[classes];
      totalPerClass = new long[classes];
      confusion = new long[classes][modelClasses];
    }

    void add(
        int label,
        int modelLabel,
        int clean,
        int adversarial,
        int target,
        double linfNorm,
        double l2Norm) {
      images++;
      totalPerClass[label]++;
      confusion[label][adversarial]++;
      if (adversarial == modelLabel) {
        correct++;
        correctPerClass[label]++;
      }
      if (clean == modelLabel) {
        cleanCorrect++;
        if (adversarial != modelLabel) {
          flipped++;
        }
      }
      if (target >= 0 && adversarial == target) {
        hitTarget++;
      }
      linf += linfNorm;
      l2 += l2Norm;
    }

    CurvePoint point(double epsilon, double normalised, boolean targeted) {
      double[] perClass = new double[totalPerClass.length];
      for (int c = 0; c < perClass.length; c++) {
        perClass[c] =
            totalPerClass[c] == 0 ? Double.NaN : (double) correctPerClass[c] / totalPerClass[c];
      }
      double success =
          targeted
              ? (double) hitTarget / Math.max(1, images)
              : cleanCorrect == 0 ? 0 : (double) flipped / cleanCorrect;
      return new CurvePoint(
          epsilon,
          normalised,
          (double) correct / Math.max(1, images),
          success,
          linf / Math.max(1, images),
          l2 / Math.max(1, images),
          perClass,
          confusion);
    }
  }
}
