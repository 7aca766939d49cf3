package org.aslwb.explain;

import java.util.List;

/**
 * How much a LIME explanation depends on its random draws: the same image, superpixels and output
 * space explained with K seeds.
 *
 * @param seeds the seeds of the runs, in order
 * @param label the explained label (the clean image's top class)
 * @param mean per superpixel, the mean weight over the runs
 * @param spread per superpixel, the standard deviation of the weight over the runs (K - 1 in the
 *     denominator; 0 for one run)
 * @param topK how many superpixels the overlap compares
 * @param topKOverlap mean over pairs of runs of |top-k(a) ∩ top-k(b)| / k (by |weight|); 1 = every
 *     run names the same top superpixels
 * @param runs the explanations, one per seed
 */
public record Stability(
    long[] seeds,
    int label,
    double[] mean,
    double[] spread,
    int topK,
    double topKOverlap,
    List<Explanation> runs) {
  /** The first run's explanation (the one with the base seed). */
  public Explanation first() {
    return runs.get(0);
  }
}
