package org.aslwb.attack;

import java.util.List;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Resampler;
import org.aslwb.evaluation.Prediction;
import org.aslwb.model.Classifier;
import org.aslwb.task.Cancellation;

/**
 * The Attack tab's frame pipeline, shared by the app and {@code aslwb bench frame} so the benchmark
 * times the code the app runs. {@link #prepare} computes, once per image, the clean prediction and
 * the input gradient; an FGSM frame is then one sign step and one forward pass with the top 5
 * (Goodfellow et al. 2015). BIM and PGD frames need many gradients each.
 */
public final class AttackFrames {
  /** Classes listed per frame. */
  public static final int TOP = 5;

  /** The seed of PGD's random start in frames. */
  public static final long SEED = 42;

  private AttackFrames() {}

  /**
   * One image ready for frames.
   *
   * @param input the image at the model's input size
   * @param clean the clean prediction
   * @param label the label whose loss the attack follows: the target, or the clean prediction
   * @param targeted whether the attack pulls towards {@code label}
   * @param gradient the input gradient of that loss, for FGSM frames
   */
  public record Prepared(
      PixelImage input, Prediction clean, int label, boolean targeted, float[] gradient) {}

  /**
   * One frame.
   *
   * @param method fgsm, bim or pgd
   * @param epsilon the L-infinity budget on the [0,1] pixel scale
   * @param adversarial the perturbed image
   * @param prediction its top 5
   * @param flipped whether the predicted class differs from the clean one
   */
  public record Frame(
      String method,
      double epsilon,
      PixelImage adversarial,
      Prediction prediction,
      boolean flipped) {}

  /**
   * Resizes {@code photo} to the model's input, predicts it and takes the input gradient of the
   * loss of {@code target} (or, with -1, of the clean prediction: a loaded photo's true class is
   * unknown).
   */
  public static Prepared prepare(Classifier classifier, PixelImage photo, int target) {
    var pre = classifier.preprocessing();
    PixelImage x = Resampler.resize(photo, pre.width(), pre.height());
    Prediction clean = Prediction.of(classifier.probabilities(x), classifier.classNames(), TOP);
    int label = target >= 0 ? target : clean.predicted();
    float[] gradient = classifier.lossGradients(List.of(x), new int[] {label})[0];
    return new Prepared(x, clean, label, target >= 0, gradient);
  }

  /** An FGSM frame at {@code epsilon} from the prepared gradient. */
  public static Frame fgsm(Classifier classifier, Prepared prepared, double epsilon) {
    PixelImage adv =
        new Fgsm(prepared.targeted()).apply(prepared.input(), prepared.gradient(), epsilon);
    return frame(classifier, prepared, "fgsm", epsilon, adv);
  }

  /** A frame of {@code method} (fgsm, bim or pgd) at {@code epsilon}. */
  public static Frame of(
      Classifier classifier,
      Prepared prepared,
      String method,
      double epsilon,
      Cancellation cancellation) {
    if ("fgsm".equals(method)) {
      return fgsm(classifier, prepared, epsilon);
    }
    cancellation.check();
    Attack attack = Attack.parse(method, prepared.targeted(), SEED);
    PixelImage adv =
        attack
            .perturb(classifier, List.of(prepared.input()), new int[] {prepared.label()}, epsilon)
            .get(0);
    cancellation.check();
    return frame(classifier, prepared, method, epsilon, adv);
  }

  private static Frame frame(
      Classifier classifier, Prepared prepared, String method, double epsilon, PixelImage adv) {
    Prediction p = Prediction.of(classifier.probabilities(adv), classifier.classNames(), TOP);
    return new Frame(method, epsilon, adv, p, p.predicted() != prepared.clean().predicted());
  }
}
