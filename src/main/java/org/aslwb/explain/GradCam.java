package org.aslwb.explain;

import org.aslwb.data.PixelImage;
import org.aslwb.model.Classifier;
import org.aslwb.model.FeatureMaps;

/**
 * Grad-CAM (Selvaraju et al. 2017): for class c and the last convolutional block's activations A^k,
 * the channel weights are {@code a_k = mean over positions of d z_c / d A^k} (z_c: the logit) and
 * the map is {@code ReLU(sum_k a_k A^k)}, resized bilinearly to the model's input.
 */
public final class GradCam {
  /** The Grad-CAM map of {@code label} for {@code image} at the model's input size. */
  public AttributionMap explain(Classifier classifier, PixelImage image, int label) {
    long started = System.nanoTime();
    var pre = classifier.preprocessing();
    PixelImage input = GradientSaliency.toInput(classifier, image);
    FeatureMaps maps =
        classifier
            .lastConvBlock(input, label)
            .orElseThrow(
                () -> new IllegalArgumentException("this model has no convolutional block"));
    float[] coarse = map(maps);
    float[] fine =
        org.aslwb.data.Resampler.resize(
                new PixelImage(maps.width(), maps.height(), 1, coarse), pre.width(), pre.height())
            .data();
    return new AttributionMap(
        "gradcam",
        label,
        classifier.classNames().get(label),
        pre.width(),
        pre.height(),
        fine,
        String.format(
            "layer %s (%dx%dx%d)", maps.layer(), maps.channels(), maps.height(), maps.width()),
        (System.nanoTime() - started) / 1e9);
  }

  /** {@code ReLU(sum_k a_k A^k)} at the feature maps' own resolution. */
  static float[] map(FeatureMaps m) {
    int plane = m.height() * m.width();
    float[] out = new float[plane];
    for (int k = 0; k < m.channels(); k++) {
      double alpha = 0;
      for (int p = 0; p < plane; p++) {
        alpha += m.gradients()[k * plane + p];
      }
      alpha /= plane;
      for (int p = 0; p < plane; p++) {
        out[p] += (float) (alpha * m.activations()[k * plane + p]);
      }
    }
    for (int p = 0; p < plane; p++) {
      out[p] = Math.max(0, out[p]);
    }
    return out;
  }
}
