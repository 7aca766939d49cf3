package org.aslwb.explain;

import org.aslwb.data.PixelImage;
import org.aslwb.model.Classifier;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * The Explain tab's run: LIME (Ribeiro et al. 2016) on an image and, when there is one, the
 * evidence shift to its adversarial version on the same superpixels, with the clean image's
 * superpixel hider for {@link SuperpixelProbe}s.
 *
 * @param clean the explanation of the clean image
 * @param shift the adversarial explanation on the clean superpixels and the shift, or null
 * @param cleanHider hides one superpixel of the clean image at a time
 */
public record SideBySide(Explanation clean, EvidenceShift shift, Perturber cleanHider) {
  /** Explains {@code photo} in {@code space} and, unless null, {@code adversarial}. */
  public static SideBySide explain(
      Classifier classifier,
      PixelImage photo,
      PixelImage adversarial,
      LimeSettings settings,
      OutputSpace space,
      ProgressListener progress,
      Cancellation cancellation) {
    Explanation onClean =
        new LimeExplainer().explain(classifier, photo, settings, space, progress, cancellation);
    EvidenceShift onAdversarial =
        adversarial == null
            ? null
            : new EvidenceShiftAnalysis()
                .run(classifier, onClean, adversarial, progress, cancellation);
    var pre = classifier.preprocessing();
    Perturber hider =
        new Perturber(
            photo, onClean.segmentation(), settings.hideColour(), pre.width(), pre.height());
    return new SideBySide(onClean, onAdversarial, hider);
  }
}
