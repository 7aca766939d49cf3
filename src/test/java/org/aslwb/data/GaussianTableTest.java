package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The table-driven Gaussian noise has the normal distribution's shape and the asked-for sigma. */
class GaussianTableTest {
  @Test
  void theQuantilesAreSortedSymmetricAndOfUnitVariance() {
    float[] q = GaussianTable.quantiles();
    assertEquals(GaussianTable.SIZE, q.length);
    double sumSq = 0;
    for (int i = 0; i < q.length; i++) {
      if (i > 0) {
        assertTrue(q[i] > q[i - 1], "not increasing at " + i);
      }
      assertEquals(-q[q.length - 1 - i], q[i], 1e-4, "not symmetric at " + i);
      sumSq += (double) q[i] * q[i];
    }
    assertEquals(1.0, sumSq / q.length, 1e-4);
    // the normal quantiles at (k + 0.5) / SIZE (Python's statistics.NormalDist().inv_cdf)
    assertEquals(7.65e-5, q[q.length / 2], 1e-6);
    assertEquals(4.0089, q[q.length - 1], 2e-3);
  }

  @Test
  void noiseOnGreyHasTheRequestedSigmaAndTheNormalShape() {
    int w = 256;
    float[] grey = new float[3 * w * w];
    java.util.Arrays.fill(grey, 0.5f);
    double sigma = 0.05;
    float[] noisy = ImageOps.noise(new PixelImage(w, w, 3, grey), sigma, new Random(9)).data();
    double sum = 0;
    double sumSq = 0;
    int withinOne = 0;
    int withinTwo = 0;
    for (float v : noisy) {
      double z = (v - 0.5) / sigma;
      sum += z;
      sumSq += z * z;
      withinOne += Math.abs(z) <= 1 ? 1 : 0;
      withinTwo += Math.abs(z) <= 2 ? 1 : 0;
    }
    int n = noisy.length;
    assertEquals(0.0, sum / n, 0.01);
    assertEquals(1.0, Math.sqrt(sumSq / n), 0.01);
    // the normal distribution's 68.3% within one sigma and 95.4% within two
    assertEquals(0.683, (double) withinOne / n, 0.005);
    assertEquals(0.954, (double) withinTwo / n, 0.005);
  }

  @Test
  void theSameSeedGivesTheSameNoise() {
    PixelImage grey = new PixelImage(8, 8, 1, new float[64]);
    java.util.Arrays.fill(grey.data(), 0.5f);
    assertEquals(
        ImageOps.noise(grey, 0.1, new Random(4)), ImageOps.noise(grey, 0.1, new Random(4)));
  }
}
