package org.aslwb.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Resampler;
import org.aslwb.model.Classifier;

/**
 * Gradient maps from the inference-mode input gradient the attacks use (the gradient of the
 * cross-entropy of {@code label}): plain saliency (Simonyan et al. 2014), the largest |gradient|
 * over the colour channels of each pixel, and SmoothGrad (Smilkov et al. 2017), the same averaged
 * over noisy copies of the image.
 */
public final class GradientSaliency {
  /** SmoothGrad's copies (the paper's n = 50). */
  public static final int COPIES = 50;

  /** SmoothGrad's noise: sd = 0.15 x (max - min) of the input. */
  public static final double NOISE = 0.15;

  /** |gradient| of {@code label}'s loss, the largest over channels, at the model's input size. */
  public AttributionMap saliency(Classifier classifier, PixelImage image, int label) {
    long started = System.nanoTime();
    PixelImage input = toInput(classifier, image);
    float[] g = classifier.lossGradients(List.of(input), new int[] {label})[0];
    return new AttributionMap(
        "saliency",
        label,
        classifier.classNames().get(label),
        input.width(),
        input.height(),
        maxOverChannels(g, input, null),
        "input gradient of the cross-entropy",
        (System.nanoTime() - started) / 1e9);
  }

  /**
   * The mean over {@value #COPIES} noisy copies (Gaussian, sd {@value #NOISE} x the input's range,
   * drawn from {@code seed}) of the per-pixel saliency.
   */
  public AttributionMap smoothGrad(
      Classifier classifier, PixelImage image, int label, int copies, long seed) {
    if (copies < 1) {
      throw new IllegalArgumentException("smoothgrad copies must be at least 1, got " + copies);
    }
    long started = System.nanoTime();
    PixelImage input = toInput(classifier, image);
    float[] x = input.data();
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double sd = NOISE * (max - min);
    Random random = new Random(seed);
    List<PixelImage> noisy = new ArrayList<>(copies);
    for (int n = 0; n < copies; n++) {
      float[] d = new float[x.length];
      for (int k = 0; k < d.length; k++) {
        d[k] = (float) (x[k] + sd * random.nextGaussian());
      }
      noisy.add(new PixelImage(input.width(), input.height(), input.channels(), d));
    }
    int[] labels = new int[copies];
    java.util.Arrays.fill(labels, label);
    float[][] gradients = classifier.lossGradients(noisy, labels);
    float[] sum = new float[input.planeSize()];
    for (float[] g : gradients) {
      maxOverChannels(g, input, sum);
    }
    for (int p = 0; p < sum.length; p++) {
      sum[p] /= copies;
    }
    return new AttributionMap(
        "smoothgrad",
        label,
        classifier.classNames().get(label),
        input.width(),
        input.height(),
        sum,
        String.format(java.util.Locale.ROOT, "%d copies, noise sd %.3f, seed %d", copies, sd, seed),
        (System.nanoTime() - started) / 1e9);
  }

  /** The largest |g| over channels per pixel, added into {@code into} when it is not null. */
  private static float[] maxOverChannels(float[] g, PixelImage like, float[] into) {
    int plane = like.planeSize();
    float[] out = into != null ? into : new float[plane];
    for (int p = 0; p < plane; p++) {
      float m = 0;
      for (int c = 0; c < like.channels(); c++) {
        m = Math.max(m, Math.abs(g[c * plane + p]));
      }
      out[p] += m;
    }
    return out;
  }

  static PixelImage toInput(Classifier classifier, PixelImage image) {
    var pre = classifier.preprocessing();
    return image.width() == pre.width() && image.height() == pre.height()
        ? image
        : Resampler.resize(image, pre.width(), pre.height());
  }
}
