package org.aslwb.explain;

/**
 * LIME's perturbed samples of one image and what the classifier said about them; surrogates for any
 * label and output space are fitted from these without classifying again.
 *
 * @param segmentation the superpixels
 * @param on per sample and superpixel, whether the superpixel is visible (row 0: all visible)
 * @param kernelWeights per sample, the kernel weight of its distance to the original
 * @param probabilities per sample, the classifier's probabilities
 * @param classNames the classifier's classes
 */
public record LimeSamples(
    Segmentation segmentation,
    boolean[][] on,
    double[] kernelWeights,
    float[][] probabilities,
    java.util.List<String> classNames) {
  /** The 0/1 design matrix of the surrogate. */
  double[][] design() {
    int k = segmentation.count();
    double[][] x = new double[on.length][k];
    for (int i = 0; i < on.length; i++) {
      for (int j = 0; j < k; j++) {
        x[i][j] = on[i][j] ? 1 : 0;
      }
    }
    return x;
  }

  /** The explained output of every sample for {@code label} in {@code space}. */
  double[] targets(int label, OutputSpace space) {
    double[] y = new double[probabilities.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = space.of(probabilities[i], label);
    }
    return y;
  }
}
