package org.aslwb.attack;

import java.util.List;
import org.aslwb.data.PixelImage;
import org.aslwb.model.Classifier;

/**
 * An L-infinity adversarial attack on the [0,1] pixel scale. Untargeted attacks push each image
 * away from its true label; targeted ones towards a target class.
 */
public interface Attack {
  /** "fgsm", "bim" or "pgd". */
  String name();

  /** Whether the attack pulls towards a target class instead of away from the true one. */
  boolean targeted();

  /**
   * Perturbs a batch.
   *
   * @param labels per image: the true class (untargeted) or the target class (targeted), as model
   *     output indices
   * @param epsilon the L-infinity budget on the [0,1] scale
   * @return adversarial images with {@code |x' - x|_inf <= epsilon} and pixels in [0,1]
   */
  List<PixelImage> perturb(
      Classifier classifier, List<PixelImage> images, int[] labels, double epsilon);

  /** The step direction: up the loss of the true class, or down the loss of the target. */
  default float direction() {
    return targeted() ? -1f : 1f;
  }

  /** Parses "fgsm", "bim" or "pgd" with the standard defaults. */
  static Attack parse(String method, boolean targeted, long seed) {
    return switch (method.toLowerCase(java.util.Locale.ROOT)) {
      case "fgsm" -> new Fgsm(targeted);
      case "bim", "i-fgsm", "ifgsm" -> IterativeAttack.bim(targeted);
      case "pgd" -> IterativeAttack.pgd(targeted, seed);
      default ->
          throw new IllegalArgumentException(
              "unknown attack '" + method + "' (use fgsm, bim or pgd)");
    };
  }
}
