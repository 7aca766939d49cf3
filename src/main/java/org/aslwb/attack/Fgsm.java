package org.aslwb.attack;

import java.util.ArrayList;
import java.util.List;
import org.aslwb.data.PixelImage;
import org.aslwb.model.Classifier;

/**
 * The fast gradient sign method (Goodfellow, Shlens &amp; Szegedy 2015): {@code x' = clip(x + eps *
 * sign(grad_x J(x, y)), 0, 1)}, or with a minus sign and the target's loss when targeted. The
 * gradient does not depend on epsilon, so {@link #apply} lets a slider or a sweep reuse one
 * gradient for every epsilon.
 */
public final class Fgsm implements Attack {
  private final boolean targeted;

  /** An untargeted ({@code false}) or targeted FGSM. */
  public Fgsm(boolean targeted) {
    this.targeted = targeted;
  }

  @Override
  public String name() {
    return "fgsm";
  }

  @Override
  public boolean targeted() {
    return targeted;
  }

  @Override
  public List<PixelImage> perturb(
      Classifier classifier, List<PixelImage> images, int[] labels, double epsilon) {
    float[][] gradients = classifier.lossGradients(images, labels);
    List<PixelImage> out = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      out.add(apply(images.get(i), gradients[i], epsilon));
    }
    return out;
  }

  /** One FGSM step from a precomputed loss gradient. */
  public PixelImage apply(PixelImage image, float[] gradient, double epsilon) {
    return step(image, gradient, (float) epsilon * direction());
  }

  /**
   * One FGSM step along {@code signs}, the gradient's {@link #signs}: the image {@link #apply}
   * makes from the gradient. A sweep that tries many epsilons on one gradient takes the signs once.
   */
  public PixelImage applyAlong(PixelImage image, float[] signs, double epsilon) {
    return along(image, signs, (float) epsilon * direction());
  }

  /** Each component's sign (-1, 0 or 1). */
  public static float[] signs(float[] gradient) {
    float[] out = new float[gradient.length];
    for (int k = 0; k < gradient.length; k++) {
      out[k] = Math.signum(gradient[k]);
    }
    return out;
  }

  /** {@link #signs(float[])} of each image's gradient. */
  public static float[][] signs(float[][] gradients) {
    float[][] out = new float[gradients.length][];
    for (int i = 0; i < gradients.length; i++) {
      out[i] = signs(gradients[i]);
    }
    return out;
  }

  /** {@code clip(x + step * sign(g), 0, 1)}; a zero gradient component leaves the pixel alone. */
  static PixelImage step(PixelImage image, float[] gradient, float step) {
    float[] x = image.data();
    float[] out = new float[x.length];
    for (int k = 0; k < x.length; k++) {
      out[k] = Math.min(1f, Math.max(0f, x[k] + step * Math.signum(gradient[k])));
    }
    return new PixelImage(image.width(), image.height(), image.channels(), out);
  }

  // step's loop on signs taken once: no signum, so the JIT turns it into vector instructions
  private static PixelImage along(PixelImage image, float[] signs, float step) {
    float[] x = image.data();
    float[] out = new float[x.length];
    for (int k = 0; k < x.length; k++) {
      out[k] = Math.min(1f, Math.max(0f, x[k] + step * signs[k]));
    }
    return new PixelImage(image.width(), image.height(), image.channels(), out);
  }

  static float clamp01(float v) {
    return v < 0 ? 0 : v > 1 ? 1 : v;
  }
}
