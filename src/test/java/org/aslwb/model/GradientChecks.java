package org.aslwb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.aslwb.data.PixelImage;

/** Checks a classifier's input gradient against finite differences of its inference-mode loss. */
public final class GradientChecks {
  private GradientChecks() {}

  /** For a wrong label (the loss is far from flat there), along the gradient and per pixel. */
  public static void assertMatchesFiniteDifferences(Classifier classifier, PixelImage image) {
    float[] p0 = classifier.probabilities(image);
    int label = (Classifier.argmax(p0) + 1) % p0.length;
    float[] gradient = classifier.lossGradients(List.of(image), new int[] {label})[0];

    // directional derivative along the gradient equals its norm
    double norm = 0;
    for (float g : gradient) {
      norm += g * g;
    }
    norm = Math.sqrt(norm);
    assertTrue(norm > 0, "gradient should not vanish");
    double h = 2e-3;
    float[] plus = image.data().clone();
    float[] minus = image.data().clone();
    for (int i = 0; i < plus.length; i++) {
      plus[i] += (float) (h * gradient[i] / norm);
      minus[i] -= (float) (h * gradient[i] / norm);
    }
    double numeric =
        (loss(classifier, image, plus, label) - loss(classifier, image, minus, label)) / (2 * h);
    assertEquals(norm, numeric, 0.05 * norm, "directional derivative");

    // and pixel by pixel for the pixels with the largest gradients; a ReLU or max-pool kink inside
    // the step may spoil one of them, so four of five must agree
    int agreeing = 0;
    StringBuilder report = new StringBuilder();
    for (int i : topIndices(gradient, 5)) {
      double step = 2e-3;
      float[] p = image.data().clone();
      float[] m = image.data().clone();
      p[i] += (float) step;
      m[i] -= (float) step;
      double fd =
          (loss(classifier, image, p, label) - loss(classifier, image, m, label)) / (2 * step);
      report.append(String.format(" [%d: %.4f vs %.4f]", i, gradient[i], fd));
      if (Math.abs(gradient[i] - fd) <= 0.1 * Math.abs(gradient[i]) + 1e-4) {
        agreeing++;
      }
    }
    assertTrue(agreeing >= 4, "analytic vs numeric:" + report);
  }

  private static double loss(Classifier c, PixelImage like, float[] pixels, int label) {
    float[] p =
        c.probabilities(new PixelImage(like.width(), like.height(), like.channels(), pixels));
    return -Math.log(p[label]);
  }

  private static List<Integer> topIndices(float[] values, int k) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      idx.add(i);
    }
    idx.sort((a, b) -> Float.compare(Math.abs(values[b]), Math.abs(values[a])));
    return idx.subList(0, k);
  }
}
