package org.aslwb.attack;

import java.util.List;
import org.aslwb.data.DatasetIndex;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Preprocessing;
import org.aslwb.data.Sample;
import org.aslwb.model.Classifier;

/**
 * A fake two-class model: class "bright" when the image's mean pixel is above a threshold t (logit
 * margin 40 (mean - t)). Untargeted FGSM on a flat bright image darkens every pixel by eps, so its
 * minimal flipping epsilon is exactly mean - t.
 */
final class MeanThresholdClassifier implements Classifier {
  static final int SIZE = 8;
  private final double threshold;

  MeanThresholdClassifier(double threshold) {
    this.threshold = threshold;
  }

  @Override
  public List<String> classNames() {
    return List.of("bright", "dark");
  }

  @Override
  public Preprocessing preprocessing() {
    return Preprocessing.rgb(SIZE);
  }

  private double probabilityBright(PixelImage im) {
    double mean = 0;
    for (float v : im.data()) {
      mean += v;
    }
    mean /= im.size();
    return 1 / (1 + Math.exp(-40 * (mean - threshold)));
  }

  @Override
  public float[][] probabilities(List<PixelImage> images) {
    float[][] out = new float[images.size()][];
    for (int i = 0; i < out.length; i++) {
      double p = probabilityBright(images.get(i));
      out[i] = new float[] {(float) p, (float) (1 - p)};
    }
    return out;
  }

  @Override
  public float[][] lossGradients(List<PixelImage> images, int[] labels) {
    float[][] out = new float[images.size()][];
    for (int i = 0; i < out.length; i++) {
      double p = probabilityBright(images.get(i));
      // d(-log p_label)/d pixel: the margin grows with every pixel
      double g = (labels[i] == 0 ? -(1 - p) : p) * 40 / images.get(i).size();
      out[i] = new float[images.get(i).size()];
      java.util.Arrays.fill(out[i], (float) g);
    }
    return out;
  }

  /** Flat images of the given grey levels (0..255), all of class "bright". */
  static LoadedDataset flatImages(int... levels) {
    List<Sample> samples = new java.util.ArrayList<>();
    for (int k = 0; k < levels.length; k++) {
      byte[] pixels = new byte[3 * SIZE * SIZE];
      java.util.Arrays.fill(pixels, (byte) levels[k]);
      samples.add(new Sample(java.nio.file.Path.of("flat" + k + ".png"), 0, pixels));
    }
    DatasetIndex index =
        new DatasetIndex(
            java.nio.file.Path.of("flat"),
            DatasetIndex.Layout.FOLDER_PER_CLASS,
            List.of("bright", "dark"),
            List.of(),
            List.of());
    return new LoadedDataset(index, SIZE, SIZE, 3, samples, List.of());
  }
}
