package org.aslwb.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aslwb.data.PixelImage;
import org.aslwb.model.Classifier;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * Runs LIME with K seeds on one segmentation and summarises the spread of the weights. The seeds
 * are the settings' seed, seed + 1, ..., seed + K - 1, so a run is reproduced from the settings
 * alone. The output space is fixed by the first run (chosen automatically when not given), so that
 * every run's weights are in the same units.
 */
public final class StabilityAnalysis {
  private final LimeExplainer lime = new LimeExplainer();

  /**
   * Explains {@code image} with {@code runs} seeds.
   *
   * @param space the output space, or null to choose it on the first run
   * @param topK superpixels compared by the top-k overlap
   */
  public Stability run(
      Classifier classifier,
      PixelImage image,
      LimeSettings settings,
      OutputSpace space,
      int runs,
      int topK,
      ProgressListener progress,
      Cancellation cancellation) {
    if (runs < 1) {
      throw new IllegalArgumentException("seeds must be at least 1, got " + runs);
    }
    if (topK < 1) {
      throw new IllegalArgumentException("top-k must be at least 1, got " + topK);
    }
    Segmentation segments = Quickshift.segment(image, settings.segmentation());
    List<Explanation> explanations = new ArrayList<>();
    long[] seeds = new long[runs];
    OutputSpace fixed = space;
    for (int r = 0; r < runs; r++) {
      seeds[r] = settings.seed() + r;
      int run = r;
      ProgressListener perRun =
          (done, total, what) ->
              progress.progress(
                  (long) run * total + done,
                  (long) runs * total,
                  "seed " + (run + 1) + ": " + what);
      Explanation e =
          lime.explain(
              classifier,
              image,
              segments,
              settings.with(settings.samples(), seeds[r]),
              fixed,
              perRun,
              cancellation);
      fixed = e.outputSpace();
      explanations.add(
          r == 0 || space != null
              ? e
              : new Explanation(
                  e.segmentation(), e.labels(), e.settings(), fixed, true, e.seconds()));
    }
    int label = explanations.get(0).top().label();
    int k = segments.count();
    double[][] weights = new double[runs][];
    for (int r = 0; r < runs; r++) {
      weights[r] = explanations.get(r).label(label).orElseThrow().weights();
    }
    double[] mean = new double[k];
    double[] spread = new double[k];
    for (int j = 0; j < k; j++) {
      double sum = 0;
      for (double[] w : weights) {
        sum += w[j];
      }
      mean[j] = sum / runs;
      double squares = 0;
      for (double[] w : weights) {
        squares += (w[j] - mean[j]) * (w[j] - mean[j]);
      }
      spread[j] = runs > 1 ? Math.sqrt(squares / (runs - 1)) : 0;
    }
    int kk = Math.min(topK, k);
    return new Stability(
        seeds, label, mean, spread, kk, topKOverlap(weights, kk), List.copyOf(explanations));
  }

  /**
   * Mean over pairs of runs of the share of top-k superpixels (by |weight|) they have in common.
   */
  static double topKOverlap(double[][] weights, int k) {
    if (weights.length < 2) {
      return 1;
    }
    int[][] tops = new int[weights.length][];
    for (int r = 0; r < weights.length; r++) {
      tops[r] = Arrays.copyOf(LabelExplanation.byMagnitude(weights[r]), k);
      Arrays.sort(tops[r]);
    }
    double sum = 0;
    int pairs = 0;
    for (int a = 0; a < tops.length; a++) {
      for (int b = a + 1; b < tops.length; b++) {
        int common = 0;
        for (int id : tops[a]) {
          if (Arrays.binarySearch(tops[b], id) >= 0) {
            common++;
          }
        }
        sum += (double) common / k;
        pairs++;
      }
    }
    return sum / pairs;
  }
}
