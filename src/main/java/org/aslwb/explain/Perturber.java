package org.aslwb.explain;

import org.aslwb.data.PixelImage;
import org.aslwb.data.Resampler;

/**
 * Builds model inputs with some superpixels hidden. Hiding replaces a superpixel's pixels with the
 * fill image; since resizing to the model's input is linear, the model input of any on/off pattern
 * is {@code resize(original) + sum over hidden j of resize(mask_j * (fill - original))}: each
 * superpixel's contribution is resized once, not once per perturbed image.
 */
public final class Perturber {
  private final float[] base;
  private final float[][] deltas;
  private final int width;
  private final int height;
  private final int channels;

  /**
   * Prepares the perturbations of {@code image} over {@code segments}.
   *
   * @param hideColour null for mean colours, else an RGB fill in [0,1]
   */
  public Perturber(
      PixelImage image,
      Segmentation segments,
      float[] hideColour,
      int inputWidth,
      int inputHeight) {
    PixelImage fill = fillImage(image, segments, hideColour);
    PixelImage resized = Resampler.resize(image, inputWidth, inputHeight);
    this.base = resized.data();
    this.width = inputWidth;
    this.height = inputHeight;
    this.channels = image.channels();
    this.deltas = new float[segments.count()][];
    int plane = image.planeSize();
    for (int j = 0; j < segments.count(); j++) {
      float[] delta = new float[image.size()];
      for (int p = 0; p < plane; p++) {
        if (segments.labels()[p] == j) {
          for (int c = 0; c < channels; c++) {
            delta[c * plane + p] = fill.data()[c * plane + p] - image.data()[c * plane + p];
          }
        }
      }
      deltas[j] =
          Resampler.resize(
                  new PixelImage(image.width(), image.height(), channels, delta),
                  inputWidth,
                  inputHeight)
              .data();
    }
  }

  /** The model input with the superpixels whose entry is false hidden. */
  public PixelImage input(boolean[] visible) {
    float[] out = base.clone();
    for (int j = 0; j < visible.length; j++) {
      if (!visible[j]) {
        float[] d = deltas[j];
        for (int k = 0; k < out.length; k++) {
          out[k] += d[k];
        }
      }
    }
    return new PixelImage(width, height, channels, out);
  }

  /** The model input with only superpixel {@code hidden} hidden. */
  public PixelImage inputWithout(int hidden) {
    boolean[] visible = new boolean[deltas.length];
    java.util.Arrays.fill(visible, true);
    visible[hidden] = false;
    return input(visible);
  }

  /** The fill image: every superpixel's mean colour, or one colour. */
  static PixelImage fillImage(PixelImage image, Segmentation segments, float[] hideColour) {
    int plane = image.planeSize();
    int channels = image.channels();
    float[] out = new float[image.size()];
    if (hideColour != null) {
      for (int c = 0; c < channels; c++) {
        java.util.Arrays.fill(
            out, c * plane, (c + 1) * plane, hideColour[Math.min(c, hideColour.length - 1)]);
      }
      return new PixelImage(image.width(), image.height(), channels, out);
    }
    double[][] sums = new double[segments.count()][channels];
    int[] sizes = segments.sizes();
    for (int p = 0; p < plane; p++) {
      for (int c = 0; c < channels; c++) {
        sums[segments.labels()[p]][c] += image.data()[c * plane + p];
      }
    }
    for (int p = 0; p < plane; p++) {
      int s = segments.labels()[p];
      for (int c = 0; c < channels; c++) {
        out[c * plane + p] = (float) (sums[s][c] / sizes[s]);
      }
    }
    return new PixelImage(image.width(), image.height(), channels, out);
  }
}
