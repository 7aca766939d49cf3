package org.aslwb.explain;

import java.util.List;

/**
 * A LIME explanation of one image, with everything needed to reproduce it.
 *
 * @param segmentation the superpixels
 * @param labels surrogates for the top labels, most probable first
 * @param settings the parameters, including the seed of every random draw
 * @param seconds wall time
 */
public record Explanation(
    Segmentation segmentation,
    List<LabelExplanation> labels,
    LimeSettings settings,
    double seconds) {
  /** The surrogate of the top label. */
  public LabelExplanation top() {
    return labels.get(0);
  }
}
