package org.aslwb.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aslwb.data.LoadedDataset;
import org.aslwb.export.RobustPerClassCsv;
import org.aslwb.model.Classifier;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.Test;

class RobustnessViewsTest {
  // grey levels 150, 180, 220 and 60: means 0.588, 0.706, 0.863 and 0.235
  private static final LoadedDataset DATA = MeanThresholdClassifier.flatImages(150, 180, 220, 60);
  private static final int[] ALL = {0, 1, 2, 3};

  @Test
  void minimalEpsilonFlipsAtTheReportedEpsilonAndNotAtNineTenthsOfIt() {
    Classifier model = new MeanThresholdClassifier(0.5);
    MinimalEpsilonResult r =
        new MinimalEpsilon()
            .run("t", model, DATA, ALL, 0.3, ProgressListener.NONE, Cancellation.none());
    double[] exact = {150 / 255.0 - 0.5, 180 / 255.0 - 0.5, Double.POSITIVE_INFINITY, 0};
    Fgsm fgsm = new Fgsm(false);
    for (int i = 0; i < 2; i++) {
      ImageEpsilon e = r.images().get(i);
      assertTrue(e.flipped());
      assertEquals(exact[i], e.epsilon(), MinimalEpsilon.TOLERANCE);
      var g = model.lossGradients(List.of(DATA.image(i)), new int[] {0})[0];
      assertEquals(
          1, Classifier.argmax(model.probabilities(fgsm.apply(DATA.image(i), g, e.epsilon()))));
      assertEquals(
          0,
          Classifier.argmax(model.probabilities(fgsm.apply(DATA.image(i), g, 0.9 * e.epsilon()))));
      assertEquals("dark", e.adversarialClass());
    }
    // 0.863 - 0.5 > the budget: never flipped, reported as infinite, not as the budget
    assertTrue(Double.isInfinite(r.images().get(2).epsilon()));
    assertTrue(r.images().get(3).misclassified());
    assertEquals(1, r.neverFlipped());
    assertEquals(1, r.misclassified());
    // median over the three correctly classified: 0.088, 0.206, infinity -> 0.206
    assertEquals(exact[1], r.median(), MinimalEpsilon.TOLERANCE);
    assertEquals("flat0.png", r.mostFragile(1).get(0).file());
  }

  @Test
  void flipsUnderOneGreyLevelAreCountedApart() {
    MinimalEpsilonResult r =
        new MinimalEpsilonResult(
            "t",
            List.of(
                new ImageEpsilon(0, "a.png", "A", 0.5 / 255, "B"),
                new ImageEpsilon(1, "b.png", "A", 1.0 / 255, "B"),
                new ImageEpsilon(2, "c.png", "A", 0.02, "B"),
                new ImageEpsilon(3, "d.png", "A", 0, "B"),
                new ImageEpsilon(4, "e.png", "A", Double.POSITIVE_INFINITY, "A")),
            0.3,
            MinimalEpsilon.TOLERANCE,
            1);
    assertEquals(1, r.belowOneGreyLevel(), "a misclassified image (eps 0) is not a flip");
  }

  @Test
  void theTransferDiagonalIsEachModelsOwnCurvePoint() {
    List<Classifier> models =
        List.of(new MeanThresholdClassifier(0.5), new MeanThresholdClassifier(0.65));
    double eps = 0.1;
    TransferMatrix.Result t =
        new TransferMatrix()
            .run(
                List.of("a", "b"),
                models,
                new Fgsm(false),
                DATA,
                ALL,
                eps,
                1,
                ProgressListener.NONE,
                Cancellation.none());
    for (int k = 0; k < 2; k++) {
      SweepResult own =
          new RobustnessSweep()
              .run(
                  "m",
                  models.get(k),
                  new Fgsm(false),
                  DATA,
                  ALL,
                  new double[] {eps},
                  -1,
                  1,
                  ProgressListener.NONE,
                  Cancellation.none());
      assertEquals(own.points().get(0).accuracy(), t.accuracy()[k][k], 0);
    }
    // images darkened by 0.1: two stay above a's 0.5, only 0.863 stays above b's 0.65
    assertEquals(0.5, t.accuracy()[0][0], 1e-12);
    assertEquals(0.25, t.accuracy()[0][1], 1e-12);
    // both fakes push every pixel the same way, so b's images fool a exactly as a's own do
    assertEquals(0.5, t.accuracy()[1][0], 1e-12);
  }

  @Test
  void theSweepCountsAnAdversarialConfusionAndWritesPerClassAccuracy() {
    SweepResult r =
        new RobustnessSweep()
            .run(
                "m",
                new MeanThresholdClassifier(0.5),
                new Fgsm(false),
                DATA,
                ALL,
                new double[] {0, 0.1},
                -1,
                1,
                ProgressListener.NONE,
                Cancellation.none());
    // at 0.1, flat0 (0.588) flips to dark, the 60-grey image was dark already
    assertEquals(2, r.points().get(1).confusion()[0][0]);
    assertEquals(2, r.points().get(1).confusion()[0][1]);
    assertEquals(0.5, r.points().get(1).perClassAccuracy()[0], 1e-12);
    String csv = RobustPerClassCsv.of(List.of(r));
    assertTrue(csv.startsWith(RobustPerClassCsv.HEADER + "\n"), csv);
    assertTrue(csv.contains("m,fgsm,,0.100000,bright,4,0.500000\n"), csv);
    assertTrue(csv.contains("m,fgsm,,0.100000,dark,0,\n"), csv);
  }
}
