package org.aslwb.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.aslwb.data.PixelImage;
import org.aslwb.model.Classifier;

/**
 * Iterative L-infinity attacks: BIM / I-FGSM (Kurakin, Goodfellow &amp; Bengio 2016) and PGD (Madry
 * et al. 2017). Each step is {@code x <- clip_{x0,eps}(x + alpha * sign(grad))}, clipped to [0,1].
 *
 * <p>BIM: {@code alpha = 1/255}, {@code steps = ceil(min(255 eps + 4, 1.25 * 255 eps))}, no random
 * start, as in the paper. PGD: a uniform random start in [-eps, eps] (torchattacks' default, not
 * ART's), 10 steps of {@code alpha = 2.5 eps / steps} (Madry's rule, which keeps PGD at least as
 * strong as FGSM at every epsilon, where a fixed 2/255 would not reach large budgets).
 */
public final class IterativeAttack implements Attack {
  private final String name;
  private final boolean targeted;
  private final boolean randomStart;
  private final int fixedSteps;
  private final long seed;

  private IterativeAttack(
      String name, boolean targeted, boolean randomStart, int fixedSteps, long seed) {
    this.name = name;
    this.targeted = targeted;
    this.randomStart = randomStart;
    this.fixedSteps = fixedSteps;
    this.seed = seed;
  }

  /** BIM with the paper's step size and step count. */
  public static IterativeAttack bim(boolean targeted) {
    return new IterativeAttack("bim", targeted, false, 0, 0);
  }

  /** PGD with 10 steps and a random start drawn from {@code seed}. */
  public static IterativeAttack pgd(boolean targeted, long seed) {
    return new IterativeAttack("pgd", targeted, true, 10, seed);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean targeted() {
    return targeted;
  }

  /** Steps used at {@code epsilon}. */
  public int steps(double epsilon) {
    if (fixedSteps > 0) {
      return fixedSteps;
    }
    return (int) Math.ceil(Math.min(255 * epsilon + 4, 1.25 * 255 * epsilon));
  }

  /** Step size at {@code epsilon}. */
  public double alpha(double epsilon) {
    return fixedSteps > 0 ? 2.5 * epsilon / fixedSteps : 1.0 / 255;
  }

  @Override
  public List<PixelImage> perturb(
      Classifier classifier, List<PixelImage> images, int[] labels, double epsilon) {
    if (epsilon <= 0) {
      return images.stream().map(PixelImage::copy).toList();
    }
    Random random = new Random(seed);
    List<PixelImage> current = new ArrayList<>(images.size());
    for (PixelImage image : images) {
      current.add(randomStart ? randomStart(image, epsilon, random) : image.copy());
    }
    float alpha = (float) alpha(epsilon) * direction();
    for (int step = 0, n = steps(epsilon); step < n; step++) {
      float[][] gradients = classifier.lossGradients(current, labels);
      for (int i = 0; i < current.size(); i++) {
        PixelImage moved = Fgsm.step(current.get(i), gradients[i], alpha);
        current.set(i, project(moved, images.get(i), (float) epsilon));
      }
    }
    return current;
  }

  private static PixelImage randomStart(PixelImage image, double epsilon, Random random) {
    float[] x = image.data().clone();
    for (int k = 0; k < x.length; k++) {
      x[k] = Fgsm.clamp01(x[k] + (float) ((random.nextDouble() * 2 - 1) * epsilon));
    }
    return new PixelImage(image.width(), image.height(), image.channels(), x);
  }

  /** Projects onto the eps-ball around {@code origin} and onto [0,1]. */
  static PixelImage project(PixelImage x, PixelImage origin, float epsilon) {
    float[] d = x.data();
    float[] o = origin.data();
    float[] out = new float[d.length];
    for (int k = 0; k < d.length; k++) {
      float v = Math.max(o[k] - epsilon, Math.min(o[k] + epsilon, d[k]));
      out[k] = Fgsm.clamp01(v);
    }
    return new PixelImage(x.width(), x.height(), x.channels(), out);
  }
}
