package org.aslwb.explain;

import org.aslwb.data.PixelImage;
import org.aslwb.model.Classifier;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * The Explain tab's run: LIME (Ribeiro et al. 2016) on an image and, when there is one, on its
 * adversarial version, with the clean image's superpixel hider for {@link SuperpixelProbe}s.
 *
 * @param clean the explanation of the clean image
 * @param adversarial the explanation of the adversarial image, or null
 * @param cleanHider hides one superpixel of the clean image at a time
 */
public record SideBySide(Explanation clean, Explanation adversarial, Perturber cleanHider) {
  /** Explains {@code photo} and, unless null, {@code adversarial}. */
  public static SideBySide explain(
      Classifier classifier,
      PixelImage photo,
      PixelImage adversarial,
      LimeSettings settings,
      ProgressListener progress,
      Cancellation cancellation) {
    Explanation onClean =
        new LimeExplainer().explain(classifier, photo, settings, progress, cancellation);
    Explanation onAdversarial =
        adversarial == null
            ? null
            : new LimeExplainer()
                .explain(classifier, adversarial, settings, progress, cancellation);
    var pre = classifier.preprocessing();
    Perturber hider =
        new Perturber(
            photo, onClean.segmentation(), settings.hideColour(), pre.width(), pre.height());
    return new SideBySide(onClean, onAdversarial, hider);
  }
}
