package org.aslwb.evaluation;

import java.nio.file.Path;
import java.util.List;
import org.aslwb.data.ImageDecoder;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Preprocessing;
import org.aslwb.data.UnreadableImageException;
import org.aslwb.model.Classifier;

/** Predicts the class of image files, replaying the model's preprocessing exactly. */
public final class Predictor {
  /** How many classes a prediction ranks. */
  public static final int TOP_K = 5;

  private final Classifier classifier;
  private final ImageDecoder decoder = new ImageDecoder();

  /** A predictor over {@code classifier}. */
  public Predictor(Classifier classifier) {
    this.classifier = classifier;
  }

  /** Decodes and preprocesses a file to the model's input. */
  public PixelImage load(Path file) throws UnreadableImageException {
    Preprocessing pre = classifier.preprocessing();
    // decoded as the data set loader decodes it, so a file predicts as it scores in evaluate
    return pre.toPixels(decoder.decodeAtLeast(file, pre.width(), pre.height()));
  }

  /** Predicts one file. */
  public Prediction predict(Path file) throws UnreadableImageException {
    return predict(load(file));
  }

  /** Predicts an image already at the model's input size. */
  public Prediction predict(PixelImage image) {
    return Prediction.of(classifier.probabilities(image), classifier.classNames(), TOP_K);
  }

  /** Predicts several images in one batch. */
  public List<Prediction> predictAll(List<PixelImage> images) {
    float[][] probs = classifier.probabilities(images);
    return java.util.Arrays.stream(probs)
        .map(p -> Prediction.of(p, classifier.classNames(), TOP_K))
        .toList();
  }
}
