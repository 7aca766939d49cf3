package org.aslwb.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aslwb.export.WeightsJson;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.Test;

class StabilityTest {
  private static Stability run(int seeds) {
    return new StabilityAnalysis()
        .run(
            new OutputSpaceTest.ConfidentClassifier(),
            LimeTest.blocks(),
            OutputSpaceTest.blackFill(60, 7),
            null,
            seeds,
            2,
            ProgressListener.NONE,
            Cancellation.none());
  }

  @Test
  void kSeedRunsAreReproducibleAndRecordTheirSeeds() {
    Stability a = run(5);
    Stability b = run(5);
    assertArrayEquals(new long[] {7, 8, 9, 10, 11}, a.seeds());
    assertArrayEquals(a.mean(), b.mean(), 0);
    assertArrayEquals(a.spread(), b.spread(), 0);
    assertEquals(a.topKOverlap(), b.topKOverlap(), 0);
    assertEquals(WeightsJson.of("x.png", a.first(), a), WeightsJson.of("x.png", b.first(), b));
    // every run is in the first run's output space, the seeds differ, and so do the weights
    a.runs().forEach(e -> assertEquals(OutputSpace.LOGIT_MARGIN, e.outputSpace()));
    assertNotEquals(a.runs().get(0).top().weights()[1], a.runs().get(1).top().weights()[1]);
  }

  @Test
  void meanAndSpreadAreThoseOfTheRunsWeights() {
    Stability s = run(3);
    int id = s.first().segmentation().at(5, 5);
    double[] w = s.runs().stream().mapToDouble(e -> e.top().weights()[id]).toArray();
    double mean = (w[0] + w[1] + w[2]) / 3;
    double sd =
        Math.sqrt(
            ((w[0] - mean) * (w[0] - mean)
                    + (w[1] - mean) * (w[1] - mean)
                    + (w[2] - mean) * (w[2] - mean))
                / 2);
    assertEquals(mean, s.mean()[id], 1e-12);
    assertEquals(sd, s.spread()[id], 1e-12);
    assertTrue(s.topKOverlap() >= 0 && s.topKOverlap() <= 1);
  }

  @Test
  void topKOverlapCountsSharedSuperpixels() {
    double[][] weights = {{3, 2, 1, 0}, {3, 0, 2, 1}, {0.1, 5, 4, 0}};
    // top-2 sets {0,1}, {0,2}, {1,2}: each pair shares one of two
    assertEquals(0.5, StabilityAnalysis.topKOverlap(weights, 2), 1e-12);
    assertEquals(1, StabilityAnalysis.topKOverlap(new double[][] {{1, 2}, {1, 3}}, 2), 1e-12);
  }
}
