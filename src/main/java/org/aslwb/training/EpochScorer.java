package org.aslwb.training;

import java.util.ArrayList;
import java.util.List;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.model.Classifier;

/** Loss and accuracy of a classifier over samples, in inference mode, for the epoch metrics. */
final class EpochScorer {
  /** Mean cross-entropy and accuracy. */
  record LossAndAccuracy(double loss, double accuracy) {}

  LossAndAccuracy score(Classifier classifier, LoadedDataset data, int[] indices) {
    double loss = 0;
    int correct = 0;
    for (int start = 0; start < indices.length; start += 256) {
      int end = Math.min(indices.length, start + 256);
      List<PixelImage> images = new ArrayList<>(end - start);
      for (int i = start; i < end; i++) {
        images.add(data.image(indices[i]));
      }
      float[][] probs = classifier.probabilities(images);
      for (int i = start; i < end; i++) {
        float[] p = probs[i - start];
        int label = data.label(indices[i]);
        loss -= Math.log(Math.max(1e-12, p[label]));
        if (Classifier.argmax(p) == label) {
          correct++;
        }
      }
    }
    return new LossAndAccuracy(loss / indices.length, (double) correct / indices.length);
  }
}
