package org.aslwb.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.aslwb.data.PixelImage;
import org.aslwb.model.Classifier;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * LIME for images (Ribeiro, Singh &amp; Guestrin 2016) as the lime package's {@code
 * LimeImageExplainer} does it: quickshift superpixels, uniform 0/1 on/off samples with the first
 * row all on, hidden superpixels filled, cosine distance to the original, kernel {@code
 * sqrt(exp(-d^2/width^2))}, and a weighted ridge surrogate per label. Unlike the package, every
 * random draw comes from the one seed in the settings, and perturbed images are built and
 * classified in large batches.
 */
public final class LimeExplainer {
  /** Explains {@code image} (RGB, [0,1], any size) for the classifier's top labels. */
  public Explanation explain(
      Classifier classifier,
      PixelImage image,
      LimeSettings settings,
      ProgressListener progress,
      Cancellation cancellation) {
    long started = System.nanoTime();
    progress.progress(0, settings.samples(), "segmenting");
    Segmentation segments = Quickshift.segment(image, settings.segmentation());
    Perturber perturber =
        new Perturber(
            image,
            segments,
            settings.hideColour(),
            classifier.preprocessing().width(),
            classifier.preprocessing().height());
    int k = segments.count();
    int n = settings.samples();
    boolean[][] on = sampleRows(n, k, new Random(settings.seed()));

    float[][] probabilities = new float[n][];
    for (int start = 0; start < n; start += settings.batchSize()) {
      cancellation.check();
      int end = Math.min(n, start + settings.batchSize());
      List<PixelImage> batch = new ArrayList<>(end - start);
      for (int i = start; i < end; i++) {
        batch.add(perturber.input(on[i]));
      }
      float[][] p = classifier.probabilities(batch);
      System.arraycopy(p, 0, probabilities, start, p.length);
      progress.progress(end, n, "classifying perturbed images");
    }

    double[][] x = new double[n][k];
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      int ones = 0;
      for (int j = 0; j < k; j++) {
        x[i][j] = on[i][j] ? 1 : 0;
        ones += on[i][j] ? 1 : 0;
      }
      weights[i] = kernel(cosineDistanceToAllOnes(ones, k), settings.kernelWidth());
    }
    List<LabelExplanation> labels = new ArrayList<>();
    for (int label : topLabels(probabilities[0], settings.topLabels())) {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = probabilities[i][label];
      }
      WeightedRidge.Fit fit = WeightedRidge.fit(x, y, weights, settings.ridgeAlpha());
      labels.add(
          new LabelExplanation(
              label,
              classifier.classNames().get(label),
              probabilities[0][label],
              fit.coefficients(),
              fit.intercept(),
              fit.score(),
              fit.predict(x[0])));
    }
    return new Explanation(
        segments, List.copyOf(labels), settings, (System.nanoTime() - started) / 1e9);
  }

  /** Uniform 0/1 draws; row 0 is the original image (all on), as in lime. */
  static boolean[][] sampleRows(int n, int k, Random random) {
    boolean[][] on = new boolean[n][k];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        on[i][j] = i == 0 || random.nextBoolean();
      }
    }
    return on;
  }

  /**
   * Cosine distance between a 0/1 row with {@code ones} ones and the all-ones row of length {@code
   * k}: {@code 1 - sqrt(ones / k)}; an all-zero row is at distance 1 (as scikit-learn).
   */
  static double cosineDistanceToAllOnes(int ones, int k) {
    return ones == 0 ? 1 : 1 - Math.sqrt((double) ones / k);
  }

  /** lime's kernel: {@code sqrt(exp(-d^2 / width^2))}. */
  static double kernel(double distance, double width) {
    return Math.sqrt(Math.exp(-(distance * distance) / (width * width)));
  }

  private static int[] topLabels(float[] p, int count) {
    return java.util.stream.IntStream.range(0, p.length)
        .boxed()
        .sorted((a, b) -> Float.compare(p[b], p[a]))
        .limit(count)
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
