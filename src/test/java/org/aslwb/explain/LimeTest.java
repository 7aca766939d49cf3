package org.aslwb.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Preprocessing;
import org.aslwb.model.Classifier;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.Test;

class LimeTest {
  /** Four flat colour blocks of 24x24 in a 48x48 image. */
  static PixelImage blocks() {
    int s = 48;
    float[][] colours = {
      {0.9f, 0.1f, 0.1f}, {0.1f, 0.8f, 0.1f}, {0.1f, 0.2f, 0.9f}, {0.9f, 0.9f, 0.2f}
    };
    float[] d = new float[3 * s * s];
    for (int y = 0; y < s; y++) {
      for (int x = 0; x < s; x++) {
        int b = (y / 24) * 2 + x / 24;
        for (int c = 0; c < 3; c++) {
          d[c * s * s + y * s + x] = colours[b][c];
        }
      }
    }
    return new PixelImage(s, s, 3, d);
  }

  /** A fake classifier that only looks at the top-left quarter: p(class 0) = its mean red. */
  static final class TopLeftClassifier implements Classifier {
    @Override
    public List<String> classNames() {
      return List.of("red-top-left", "other");
    }

    @Override
    public Preprocessing preprocessing() {
      return Preprocessing.rgb(16);
    }

    @Override
    public float[][] probabilities(List<PixelImage> images) {
      float[][] out = new float[images.size()][];
      for (int i = 0; i < images.size(); i++) {
        PixelImage im = images.get(i);
        double red = 0;
        for (int y = 0; y < 8; y++) {
          for (int x = 0; x < 8; x++) {
            red += im.get(0, y, x);
          }
        }
        float p = (float) (red / 64);
        out[i] = new float[] {p, 1 - p};
      }
      return out;
    }

    @Override
    public float[][] lossGradients(List<PixelImage> images, int[] labels) {
      throw new UnsupportedOperationException("LIME needs no gradients");
    }
  }

  @Test
  void quickshiftRecoversFlatColourBlocks() {
    Segmentation s = Quickshift.segment(blocks(), QuickshiftSettings.lime());
    assertEquals(4, s.count());
    assertTrue(
        s.at(0, 0) != s.at(47, 0) && s.at(0, 0) != s.at(0, 47) && s.at(47, 47) != s.at(0, 47));
    assertEquals(s.at(0, 0), s.at(23, 23));
  }

  @Test
  void limeFindsTheRegionTheClassifierLooksAt() {
    // flat blocks filled with their own mean colour would not change: hide with black instead
    LimeSettings d = LimeSettings.defaults();
    LimeSettings black =
        new LimeSettings(
            300,
            d.kernelWidth(),
            d.topLabels(),
            new float[] {0, 0, 0},
            d.ridgeAlpha(),
            d.segmentation(),
            3,
            d.batchSize());
    Explanation e =
        new LimeExplainer()
            .explain(
                new TopLeftClassifier(),
                blocks(),
                black,
                ProgressListener.NONE,
                Cancellation.none());
    LabelExplanation red =
        e.labels().stream().filter(l -> l.label() == 0).findFirst().orElseThrow();
    int topLeft = e.segmentation().at(5, 5);
    assertEquals(topLeft, red.ranking()[0]);
    assertTrue(red.weights()[topLeft] > 0.3, "weight " + red.weights()[topLeft]);
  }

  @Test
  void theSameSeedGivesTheSameExplanation() {
    LimeSettings s = LimeSettings.defaults().with(200, 11);
    Explanation a =
        new LimeExplainer()
            .explain(
                new TopLeftClassifier(), blocks(), s, ProgressListener.NONE, Cancellation.none());
    Explanation b =
        new LimeExplainer()
            .explain(
                new TopLeftClassifier(), blocks(), s, ProgressListener.NONE, Cancellation.none());
    assertArrayEquals(a.top().weights(), b.top().weights(), 0);
    assertEquals(a.top().intercept(), b.top().intercept(), 0);
  }

  @Test
  void cosineDistancesAndKernelWeightsMatchHandComputedValues() {
    assertEquals(0, LimeExplainer.cosineDistanceToAllOnes(4, 4), 1e-12);
    assertEquals(1 - Math.sqrt(0.25), LimeExplainer.cosineDistanceToAllOnes(1, 4), 1e-12);
    assertEquals(1, LimeExplainer.cosineDistanceToAllOnes(0, 4), 1e-12);
    // sqrt(exp(-0.5^2 / 0.25^2)) = exp(-2)
    assertEquals(Math.exp(-2), LimeExplainer.kernel(0.5, 0.25), 1e-12);
  }

  @Test
  void weightedRidgeMatchesAClosedFormCase() {
    // y = 2 x + 1 exactly, equal weights, tiny alpha: coefficient ~2, intercept ~1, R^2 ~1
    double[][] x = {{0}, {1}, {2}, {3}};
    double[] y = {1, 3, 5, 7};
    WeightedRidge.Fit fit = WeightedRidge.fit(x, y, new double[] {1, 1, 1, 1}, 1e-9);
    assertEquals(2, fit.coefficients()[0], 1e-6);
    assertEquals(1, fit.intercept(), 1e-6);
    assertEquals(1, fit.score(), 1e-9);
    // with alpha = 1 the slope shrinks to sum(xc*yc)/(sum(xc^2)+1) = 10/6
    assertEquals(
        10.0 / 6, WeightedRidge.fit(x, y, new double[] {1, 1, 1, 1}, 1).coefficients()[0], 1e-9);
  }
}
