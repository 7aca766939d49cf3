package org.aslwb.explain;

import org.aslwb.data.PixelImage;
import org.aslwb.model.Classifier;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * Explains an adversarial image on the clean image's superpixels and compares the evidence. The
 * adversarial image is at the model's input size; the clean segmentation is mapped onto it by
 * nearest neighbour, and LIME uses the clean explanation's seed, so that both surrogates see the
 * same on/off patterns of the same regions and are fitted in the same output space.
 */
public final class EvidenceShiftAnalysis {
  private final LimeExplainer lime = new LimeExplainer();

  /** Compares {@code clean} (an explanation of the clean photo) with {@code adversarial}. */
  public EvidenceShift run(
      Classifier classifier,
      Explanation clean,
      PixelImage adversarial,
      ProgressListener progress,
      Cancellation cancellation) {
    Segmentation mapped = map(clean.segmentation(), adversarial.width(), adversarial.height());
    LimeSamples samples =
        lime.sample(classifier, adversarial, mapped, clean.settings(), progress, cancellation);
    int label = clean.top().label();
    LabelExplanation before = clean.top();
    LabelExplanation after = lime.fit(samples, label, clean.outputSpace(), clean.settings());
    int adversarialClass = Classifier.argmax(samples.probabilities()[0]);
    LabelExplanation top =
        lime.fit(samples, adversarialClass, clean.outputSpace(), clean.settings());
    double[] shift = new double[before.weights().length];
    double moved = 0;
    double total = 0;
    for (int j = 0; j < shift.length; j++) {
      shift[j] = after.weights()[j] - before.weights()[j];
      moved += Math.abs(shift[j]);
      total += Math.abs(before.weights()[j]) + Math.abs(after.weights()[j]);
    }
    return new EvidenceShift(
        clean, mapped, before, after, top, shift, total > 0 ? moved / total : 0);
  }

  /** {@code segments} resampled by nearest neighbour to {@code width x height}. */
  public static Segmentation map(Segmentation segments, int width, int height) {
    int[] labels = new int[width * height];
    for (int y = 0; y < height; y++) {
      int sy = Math.min(segments.height() - 1, (int) ((y + 0.5) * segments.height() / height));
      for (int x = 0; x < width; x++) {
        int sx = Math.min(segments.width() - 1, (int) ((x + 0.5) * segments.width() / width));
        labels[y * width + x] = segments.at(sx, sy);
      }
    }
    return new Segmentation(width, height, labels, segments.count());
  }
}
