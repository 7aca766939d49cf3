package org.aslwb.explain;

import org.aslwb.data.PixelImage;
import org.aslwb.data.Resampler;

/**
 * A per-pixel attribution of one class at the model's input size (Grad-CAM, gradient saliency or
 * SmoothGrad), with the settings that made it.
 *
 * @param method "gradcam", "saliency" or "smoothgrad"
 * @param label the explained class (model index)
 * @param className its name
 * @param width columns (the model's input width)
 * @param height rows
 * @param values non-negative attributions, row-major
 * @param detail what was computed on (Grad-CAM: the layer; SmoothGrad: copies, noise and seed)
 * @param seconds wall time
 */
public record AttributionMap(
    String method,
    int label,
    String className,
    int width,
    int height,
    float[] values,
    String detail,
    double seconds) {
  /** Checks the size. */
  public AttributionMap {
    if (values.length != width * height) {
      throw new IllegalArgumentException(
          "a " + width + "x" + height + " map needs that many values");
    }
  }

  /** The map resized (bilinearly when enlarged) to {@code w x h}. */
  public float[] resized(int w, int h) {
    return Resampler.resize(new PixelImage(width, height, 1, values), w, h).data();
  }

  /** The mean attribution of every superpixel, the map resized to the segmentation's size. */
  public double[] perSuperpixel(Segmentation segments) {
    float[] v = resized(segments.width(), segments.height());
    double[] sums = new double[segments.count()];
    int[] sizes = segments.sizes();
    for (int p = 0; p < v.length; p++) {
      sums[segments.labels()[p]] += v[p];
    }
    for (int j = 0; j < sums.length; j++) {
      sums[j] = sizes[j] == 0 ? 0 : sums[j] / sizes[j];
    }
    return sums;
  }

  /** The largest value (0 for an all-zero map). */
  public float max() {
    float m = 0;
    for (float v : values) {
      m = Math.max(m, v);
    }
    return m;
  }
}
