package org.aslwb.explain;

/**
 * What an adversarial perturbation did to the evidence, superpixel by superpixel: the clean image's
 * class explained on the clean image and on the adversarial one, over the same superpixels (the
 * clean segmentation mapped to the adversarial image) and with the same perturbation draws.
 *
 * @param clean the clean explanation (its top label is the explained class)
 * @param mapped the clean superpixels on the adversarial image's pixel grid
 * @param cleanWeights the clean class's LIME weights on the clean image
 * @param adversarialWeights the clean class's LIME weights on the adversarial image
 * @param adversarialTop the surrogate of the class the model gives the adversarial image
 * @param shift per superpixel, {@code adversarialWeights - cleanWeights}
 * @param score {@code sum |shift| / (sum |clean| + sum |adversarial|)}: 0 when the evidence is
 *     unchanged, 1 when every superpixel's weight changed sign
 */
public record EvidenceShift(
    Explanation clean,
    Segmentation mapped,
    LabelExplanation cleanWeights,
    LabelExplanation adversarialWeights,
    LabelExplanation adversarialTop,
    double[] shift,
    double score) {
  /** The superpixel whose evidence moved most. */
  public int largestShift() {
    return LabelExplanation.byMagnitude(shift)[0];
  }

  /**
   * One line for the log and the Explain tab: what the model says of the adversarial image, the
   * score, and the superpixel that moved most.
   */
  public String describe() {
    int j = largestShift();
    return String.format(
        java.util.Locale.ROOT,
        "the model says %s (p=%.6f); evidence for %s on the clean superpixels: R^2 %.3f,"
            + " evidence-shift score %.3f (0: unchanged, 1: every weight flipped); largest shift at"
            + " superpixel %d: %+.3g -> %+.3g",
        adversarialTop.className(),
        adversarialTop.probability(),
        cleanWeights.className(),
        adversarialWeights.score(),
        score,
        j,
        cleanWeights.weights()[j],
        adversarialWeights.weights()[j]);
  }
}
