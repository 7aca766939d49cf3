package org.aslwb.data;

import java.util.SplittableRandom;

/**
 * Standard normal draws for per-pixel noise, read from a table of the distribution's quantiles.
 *
 * <p>A picture of 64 x 64 x 3 needs 12,288 draws per augmented image; {@code nextGaussian} (a
 * ziggurat) costs several nanoseconds each, the largest single cost of training's augmentation.
 * Here one 64-bit random number gives four draws: the low 14 of each 16 bits pick one of {@link
 * #SIZE} equally likely quantiles. The result is the normal distribution discretised into 16,384
 * steps and cut at 4 standard deviations (beyond the 8-bit precision of a photo at the noise levels
 * used), with the table scaled to unit variance so that a requested sigma is the noise's sigma.
 */
final class GaussianTable {
  /** The number of quantiles: a power of two, so that random bits index it directly. */
  static final int SIZE = 1 << 14;

  private static final float[] QUANTILES = quantiles();

  private GaussianTable() {}

  /** Adds {@code sigma} times a standard normal draw to every value of {@code d}. */
  static void addNoise(float[] d, double sigma, SplittableRandom random) {
    float s = (float) sigma;
    int i = 0;
    while (i < d.length) {
      long bits = random.nextLong();
      for (int k = 0; k < 4 && i < d.length; k++, i++, bits >>>= 16) {
        d[i] += s * QUANTILES[(int) bits & (SIZE - 1)];
      }
    }
  }

  /** The table: a copy, for tests. */
  static float[] quantiles() {
    if (QUANTILES != null) {
      return QUANTILES.clone();
    }
    // the normal CDF by the trapezoid rule on a fine grid, inverted at the midpoints (k + 0.5) / n
    double step = 1e-4;
    double limit = 6;
    double[] table = new double[SIZE];
    double density = Math.exp(-limit * limit / 2) / Math.sqrt(2 * Math.PI);
    double cumulative = 0;
    double z = -limit;
    int k = 0;
    while (k < SIZE) {
      double next = z + step;
      double nextDensity = Math.exp(-next * next / 2) / Math.sqrt(2 * Math.PI);
      double area = (density + nextDensity) / 2 * step;
      double target = (k + 0.5) / SIZE;
      while (k < SIZE && cumulative + area >= target) {
        // linear within the step
        table[k] = z + step * (target - cumulative) / area;
        target = (++k + 0.5) / SIZE;
      }
      cumulative += area;
      z = next;
      density = nextDensity;
    }
    double sumSq = 0;
    for (double q : table) {
      sumSq += q * q;
    }
    double scale = 1 / Math.sqrt(sumSq / SIZE);
    float[] quantiles = new float[SIZE];
    for (int i = 0; i < SIZE; i++) {
      quantiles[i] = (float) (table[i] * scale);
    }
    return quantiles;
  }
}
