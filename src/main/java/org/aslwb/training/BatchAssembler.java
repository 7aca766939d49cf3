package org.aslwb.training;

import java.util.Random;
import org.aslwb.data.Augmenter;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Preprocessing;
import org.aslwb.model.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Turns sample indices into normalised (and, for training, augmented) ND4J batches. */
final class BatchAssembler {
  private final LoadedDataset data;
  private final Preprocessing preprocessing;
  private final int classes;
  private final float labelSmoothing;

  BatchAssembler(LoadedDataset data, Preprocessing preprocessing, int classes) {
    this(data, preprocessing, classes, 0);
  }

  /** Labels become {@code (1 - s)} on the true class plus {@code s / classes} on every class. */
  BatchAssembler(LoadedDataset data, Preprocessing preprocessing, int classes, double smoothing) {
    this.data = data;
    this.preprocessing = preprocessing;
    this.classes = classes;
    this.labelSmoothing = (float) smoothing;
  }

  /**
   * Features and (smoothed) one-hot labels for {@code indices[from..to)}; augmented when {@code
   * augmenter != null}.
   */
  DataSet batch(int[] indices, int from, int to, Augmenter augmenter, Random random) {
    int n = to - from;
    int size = preprocessing.channels() * preprocessing.height() * preprocessing.width();
    float[] features = new float[n * size];
    INDArray labels = Nd4j.zeros(n, classes).addi(labelSmoothing / classes);
    for (int i = 0; i < n; i++) {
      int sample = indices[from + i];
      PixelImage image = data.image(sample);
      if (augmenter != null) {
        image = augmenter.apply(image, random);
      }
      preprocessing.normalise(image.data(), features, i * size);
      labels.putScalar(i, data.label(sample), 1f - labelSmoothing + labelSmoothing / classes);
    }
    INDArray x =
        Tensors.fromFloats(
            features, n, preprocessing.channels(), preprocessing.height(), preprocessing.width());
    return new DataSet(x, labels);
  }

  /** Per-channel mean and standard deviation of the given samples on the [0,1] scale. */
  static float[][] channelStatistics(LoadedDataset data, int[] indices) {
    int channels = data.channels();
    int plane = data.width() * data.height();
    double[] sum = new double[channels];
    double[] sumSq = new double[channels];
    for (int index : indices) {
      byte[] px = data.samples().get(index).pixels();
      for (int c = 0; c < channels; c++) {
        for (int k = c * plane; k < (c + 1) * plane; k++) {
          double v = (px[k] & 0xFF) / 255.0;
          sum[c] += v;
          sumSq[c] += v * v;
        }
      }
    }
    float[] mean = new float[channels];
    float[] std = new float[channels];
    double n = (double) indices.length * plane;
    for (int c = 0; c < channels; c++) {
      double m = sum[c] / n;
      mean[c] = (float) m;
      std[c] = (float) Math.max(1e-3, Math.sqrt(Math.max(0, sumSq[c] / n - m * m)));
    }
    return new float[][] {mean, std};
  }
}
