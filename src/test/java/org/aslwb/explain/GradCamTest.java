package org.aslwb.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Preprocessing;
import org.aslwb.model.Classifier;
import org.aslwb.model.FeatureMaps;
import org.junit.jupiter.api.Test;

class GradCamTest {
  // two 2x2 channels; channel 0's gradients average 0.5, channel 1's -0.25
  static final FeatureMaps MAPS =
      new FeatureMaps(
          "conv",
          0,
          2,
          2,
          2,
          new float[] {1, 2, 3, 4, 4, 0, 2, 8},
          new float[] {1, 0, 1, 0, -1, 0, 0, 0});

  @Test
  void grad_camWeighsChannelsByTheirMeanGradientAndClipsNegatives() {
    // 0.5 * [1 2 3 4] - 0.25 * [4 0 2 8] = [-0.5 1 1 0] -> ReLU -> [0 1 1 0]
    assertArrayEquals(new float[] {0, 1, 1, 0}, GradCam.map(MAPS), 1e-6f);
  }

  @Test
  void theMapIsResizedToTheModelInputAndRankedPerSuperpixel() {
    Classifier fake =
        new Classifier() {
          @Override
          public List<String> classNames() {
            return List.of("a", "b");
          }

          @Override
          public Preprocessing preprocessing() {
            return Preprocessing.rgb(8);
          }

          @Override
          public float[][] probabilities(List<PixelImage> images) {
            return new float[][] {{1, 0}};
          }

          @Override
          public float[][] lossGradients(List<PixelImage> images, int[] labels) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Optional<FeatureMaps> lastConvBlock(PixelImage image, int label) {
            return Optional.of(MAPS);
          }
        };
    AttributionMap map = new GradCam().explain(fake, new PixelImage(8, 8, 3, new float[192]), 0);
    assertEquals(8, map.width());
    assertEquals("gradcam", map.method());
    // the top-right and bottom-left quarters carry the evidence, the others none
    int[] labels = new int[64];
    for (int p = 0; p < 64; p++) {
      labels[p] = (p / 8 / 4) * 2 + (p % 8) / 4;
    }
    Segmentation quarters = new Segmentation(8, 8, labels, 4);
    double[] means = map.perSuperpixel(quarters);
    assertEquals(means[1], means[2], 1e-6);
    assertEquals(means[0], means[3], 1e-6);
    assertEquals(1, Math.signum(means[1] - means[0]));
  }

  @Test
  void spearmanMatchesHandComputedRanks() {
    assertEquals(
        1, RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {10, 20, 40}), 1e-12);
    assertEquals(
        -1, RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
    // ranks a = [1 2 3 4], b = [2 1 4 3]: rho = 1 - 6 * 4 / (4 * 15) = 0.6
    assertEquals(
        0.6, RankCorrelation.spearman(new double[] {1, 2, 3, 4}, new double[] {2, 1, 4, 3}), 1e-12);
    assertArrayEquals(new double[] {1.5, 1.5, 3}, RankCorrelation.ranks(new double[] {5, 5, 7}), 0);
  }
}
