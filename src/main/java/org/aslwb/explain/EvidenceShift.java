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
}
