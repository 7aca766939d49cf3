package org.aslwb.explain;

import java.util.Arrays;
import org.aslwb.model.Classifier;

/**
 * What hiding one superpixel does (occlusion): its LIME weight and rank for the top label (and,
 * with an adversarial image, its weight there and the shift), and the model's answer on the image
 * without it.
 *
 * @param superpixel the superpixel's id
 * @param weight its weight for the top label
 * @param space the output space the weights explain
 * @param rank its rank by |weight| (1 = strongest)
 * @param superpixels how many there are
 * @param label the top label's class name
 * @param before the top label's probability on the whole image
 * @param after the top label's probability with the superpixel hidden
 * @param spaceBefore the top label's output-space value on the whole image
 * @param spaceAfter the top label's output-space value with the superpixel hidden
 * @param hiddenPrediction the class predicted with the superpixel hidden
 * @param hiddenConfidence its probability
 * @param adversarialWeight its weight on the adversarial image (NaN without one)
 * @param shift adversarial minus clean weight (NaN without an adversarial image)
 */
public record SuperpixelProbe(
    int superpixel,
    double weight,
    OutputSpace space,
    int rank,
    int superpixels,
    String label,
    double before,
    double after,
    double spaceBefore,
    double spaceAfter,
    String hiddenPrediction,
    double hiddenConfidence,
    double adversarialWeight,
    double shift) {
  /**
   * Probes the superpixel under pixel (x, y) of {@code e}'s segmentation; null outside the image.
   * {@code shift} (may be null) adds the superpixel's adversarial weight.
   */
  public static SuperpixelProbe at(
      Classifier classifier, Explanation e, Perturber hider, EvidenceShift shift, int x, int y) {
    var seg = e.segmentation();
    if (x < 0 || y < 0 || x >= seg.width() || y >= seg.height()) {
      return null;
    }
    return of(classifier, e, hider, shift, seg.at(x, y));
  }

  /**
   * Probes the superpixel under pixel (x, y) of the adversarial image's mapped grid of {@code
   * shift}; null outside it.
   */
  public static SuperpixelProbe onAdversarial(
      Classifier classifier, EvidenceShift shift, Perturber hider, int x, int y) {
    Segmentation mapped = shift.mapped();
    if (x < 0 || y < 0 || x >= mapped.width() || y >= mapped.height()) {
      return null;
    }
    return of(classifier, shift.clean(), hider, shift, mapped.at(x, y));
  }

  /** Probes superpixel {@code id} of {@code e}. */
  public static SuperpixelProbe of(
      Classifier classifier, Explanation e, Perturber hider, EvidenceShift shift, int id) {
    LabelExplanation top = e.top();
    float[] p = classifier.probabilities(hider.inputWithout(id));
    int best = Classifier.argmax(p);
    OutputSpace space = e.outputSpace();
    double spaceBefore = Double.NaN;
    double spaceAfter = Double.NaN;
    if (space != OutputSpace.PROBABILITY) {
      boolean[] all = new boolean[top.weights().length];
      Arrays.fill(all, true);
      spaceBefore = space.of(classifier.probabilities(hider.input(all)), top.label());
      spaceAfter = space.of(p, top.label());
    }
    return new SuperpixelProbe(
        id,
        top.weights()[id],
        space,
        top.rankOf(id),
        top.weights().length,
        top.className(),
        top.probability(),
        p[top.label()],
        spaceBefore,
        spaceAfter,
        classifier.classNames().get(best),
        p[best],
        shift == null ? Double.NaN : shift.adversarialWeights().weights()[id],
        shift == null ? Double.NaN : shift.shift()[id]);
  }

  /** One line for the Explain tab. */
  public String describe() {
    String onAdversarial =
        Double.isNaN(shift)
            ? ""
            : String.format(
                "; on the adversarial image %+.3g (shift %+.3g)", adversarialWeight, shift);
    return String.format(
        "superpixel %d: weight %+.3g (%s) for %s, rank %d of %d%s; hidden, the model says %s"
            + " (%.3f) and %s goes from %.3f to %.3f%s",
        superpixel,
        weight,
        space.displayName(),
        label,
        rank,
        superpixels,
        onAdversarial,
        hiddenPrediction,
        hiddenConfidence,
        label,
        before,
        after,
        space == OutputSpace.PROBABILITY
            ? ""
            : String.format(
                " (its %s from %.3f to %.3f)", space.displayName(), spaceBefore, spaceAfter));
  }
}
