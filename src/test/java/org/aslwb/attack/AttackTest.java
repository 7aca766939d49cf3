package org.aslwb.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aslwb.TinyModels;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.evaluation.Evaluator;
import org.aslwb.model.Classifier;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AttackTest {
  static Classifier classifier;
  static LoadedDataset data;
  static List<PixelImage> images = new ArrayList<>();
  static int[] labels;

  @BeforeAll
  static void model() throws Exception {
    classifier = TinyModels.model().classifier();
    data = TinyModels.load(TinyModels.data());
    labels = new int[40];
    for (int i = 0; i < 40; i++) {
      int index = i * (data.size() / 40);
      images.add(data.image(index));
      labels[i] = data.label(index);
    }
  }

  private static double meanLoss(List<PixelImage> xs, int[] ys) {
    float[][] p = classifier.probabilities(xs);
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      sum -= Math.log(Math.max(1e-12, p[i][ys[i]]));
    }
    return sum / p.length;
  }

  @Test
  void epsilonZeroLeavesImagesUnchanged() {
    for (Attack a :
        List.of(new Fgsm(false), IterativeAttack.bim(false), IterativeAttack.pgd(false, 1))) {
      List<PixelImage> out =
          a.perturb(classifier, images.subList(0, 4), Arrays.copyOf(labels, 4), 0);
      for (int i = 0; i < 4; i++) {
        assertEquals(images.get(i), out.get(i), a.name());
      }
    }
  }

  @Test
  void perturbationsStayWithinEpsilonAndPixelsWithinRange() {
    for (Attack a :
        List.of(new Fgsm(false), IterativeAttack.bim(false), IterativeAttack.pgd(false, 1))) {
      for (double eps : new double[] {0.01, 0.1}) {
        List<PixelImage> out =
            a.perturb(classifier, images.subList(0, 6), Arrays.copyOf(labels, 6), eps);
        for (int i = 0; i < out.size(); i++) {
          assertTrue(
              out.get(i).maxAbsDifference(images.get(i)) <= eps + 1e-6, a.name() + " eps " + eps);
          for (float v : out.get(i).data()) {
            assertTrue(v >= 0 && v <= 1);
          }
        }
      }
    }
  }

  @Test
  void fgsmRaisesTheLossAndTargetedFgsmRaisesTheTargetProbability() {
    double clean = meanLoss(images, labels);
    double attacked = meanLoss(new Fgsm(false).perturb(classifier, images, labels, 0.02), labels);
    assertTrue(attacked > clean, "loss " + clean + " -> " + attacked);
    int target = 3;
    int[] targets = new int[images.size()];
    Arrays.fill(targets, target);
    float[][] before = classifier.probabilities(images);
    float[][] after =
        classifier.probabilities(new Fgsm(true).perturb(classifier, images, targets, 0.02));
    double gain = 0;
    for (int i = 0; i < before.length; i++) {
      gain += after[i][target] - before[i][target];
    }
    assertTrue(gain > 0, "target probability should rise on average: " + gain);
  }

  @Test
  void pgdIsAtLeastAsStrongAsFgsm() {
    for (double eps : new double[] {0.01, 0.03}) {
      double fgsm = accuracy(new Fgsm(false).perturb(classifier, images, labels, eps));
      double pgd = accuracy(IterativeAttack.pgd(false, 1).perturb(classifier, images, labels, eps));
      assertTrue(pgd <= fgsm, "eps " + eps + ": pgd " + pgd + " vs fgsm " + fgsm);
    }
  }

  @Test
  void theFgsmSweepMakesOneBackwardPassPerImage() {
    int[] indices = Evaluator.allIndices(data);
    indices = Arrays.copyOf(indices, 70);
    double[] eps = {0, 0.01, 0.05, 0.1};
    SweepResult r =
        new RobustnessSweep()
            .run(
                "tiny",
                classifier,
                new Fgsm(false),
                data,
                indices,
                eps,
                -1,
                1,
                ProgressListener.NONE,
                Cancellation.none());
    assertEquals(70, r.gradientPasses());
    assertEquals(4, r.points().size());
    double cleanAccuracy =
        new Evaluator()
            .evaluate(classifier, data, indices, "x", ProgressListener.NONE, Cancellation.none())
            .accuracy();
    assertEquals(cleanAccuracy, r.points().get(0).accuracy(), 1e-12);
    assertEquals(0, r.points().get(0).meanLinf(), 1e-12);
    assertTrue(r.points().get(3).accuracy() <= r.points().get(0).accuracy());
  }

  private static double accuracy(List<PixelImage> xs) {
    int[] pred = RobustnessSweep.argmax(classifier.probabilities(xs));
    int correct = 0;
    for (int i = 0; i < pred.length; i++) {
      correct += pred[i] == labels[i] ? 1 : 0;
    }
    return (double) correct / pred.length;
  }
}
