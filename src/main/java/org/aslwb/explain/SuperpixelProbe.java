package org.aslwb.explain;

import org.aslwb.model.Classifier;

/**
 * What hiding one superpixel does (occlusion): its LIME weight and rank for the top label, and the
 * model's answer on the image without it.
 *
 * @param superpixel the superpixel's id
 * @param weight its weight for the top label
 * @param rank its rank by |weight| (1 = strongest)
 * @param superpixels how many there are
 * @param label the top label's class name
 * @param before the top label's probability on the whole image
 * @param after the top label's probability with the superpixel hidden
 * @param hiddenPrediction the class predicted with the superpixel hidden
 * @param hiddenConfidence its probability
 */
public record SuperpixelProbe(
    int superpixel,
    double weight,
    int rank,
    int superpixels,
    String label,
    double before,
    double after,
    String hiddenPrediction,
    double hiddenConfidence) {
  /**
   * Probes the superpixel under pixel (x, y) of {@code e}'s segmentation; null outside the image.
   */
  public static SuperpixelProbe at(
      Classifier classifier, Explanation e, Perturber hider, int x, int y) {
    var seg = e.segmentation();
    if (x < 0 || y < 0 || x >= seg.width() || y >= seg.height()) {
      return null;
    }
    int id = seg.at(x, y);
    LabelExplanation top = e.top();
    float[] p = classifier.probabilities(hider.inputWithout(id));
    int best = Classifier.argmax(p);
    return new SuperpixelProbe(
        id,
        top.weights()[id],
        top.rankOf(id),
        top.weights().length,
        top.className(),
        top.probability(),
        p[top.label()],
        classifier.classNames().get(best),
        p[best]);
  }

  /** One line for the Explain tab. */
  public String describe() {
    return String.format(
        "superpixel %d: weight %+.3g for %s, rank %d of %d; hidden, the model says %s (%.3f) and"
            + " %s goes from %.3f to %.3f",
        superpixel,
        weight,
        label,
        rank,
        superpixels,
        hiddenPrediction,
        hiddenConfidence,
        label,
        before,
        after);
  }
}
