package org.aslwb.explain;

import java.util.List;

/**
 * A LIME explanation of one image, with everything needed to reproduce it.
 *
 * @param segmentation the superpixels
 * @param labels surrogates for the top labels, most probable first
 * @param settings the parameters, including the seed of every random draw
 * @param outputSpace the model output every surrogate explains
 * @param outputSpaceChosen whether {@code outputSpace} was chosen automatically (the probability
 *     unless it is saturated, then the logit margin) rather than asked for
 * @param seconds wall time
 */
public record Explanation(
    Segmentation segmentation,
    List<LabelExplanation> labels,
    LimeSettings settings,
    OutputSpace outputSpace,
    boolean outputSpaceChosen,
    double seconds) {
  /** The surrogate of the top label. */
  public LabelExplanation top() {
    return labels.get(0);
  }

  /** The label whose model index is {@code label}, if it was explained. */
  public java.util.Optional<LabelExplanation> label(int label) {
    return labels.stream().filter(l -> l.label() == label).findFirst();
  }
}
