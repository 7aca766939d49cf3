package org.aslwb.model;

import java.util.List;
import java.util.Optional;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Preprocessing;

/**
 * The one seam between the models and everything that uses them (evaluation, attacks, explanations,
 * the UI), in the spirit of lime's {@code classifier_fn}: images in, class probabilities and input
 * gradients out.
 *
 * <p>Images are on the [0,1] pixel scale at the model's input size ({@link #preprocessing()}); the
 * classifier applies its own normalisation, and gradients are with respect to the [0,1] pixels, so
 * an attack's epsilon has the same meaning for every model.
 */
public interface Classifier {
  /** Class names in output order. */
  List<String> classNames();

  /** Input geometry and normalisation. */
  Preprocessing preprocessing();

  /** Softmax probabilities, one row per image, in inference mode. */
  float[][] probabilities(List<PixelImage> images);

  /**
   * The gradient of the cross-entropy loss of each image for the given label with respect to its
   * [0,1] pixels, in inference mode (batch-norm running statistics, no dropout). One row per image,
   * in {@link PixelImage#data()} layout.
   */
  float[][] lossGradients(List<PixelImage> images, int[] labels);

  /**
   * The activations of the network's last convolutional block for {@code image} and the gradient of
   * class {@code label}'s logit with respect to them, in inference mode (for Grad-CAM); empty for a
   * classifier that has no convolutional layers to show.
   */
  default Optional<FeatureMaps> lastConvBlock(PixelImage image, int label) {
    return Optional.empty();
  }

  /** Number of classes. */
  default int numClasses() {
    return classNames().size();
  }

  /** Index of the largest probability (the first on ties). */
  static int argmax(float[] probabilities) {
    int best = 0;
    for (int k = 1; k < probabilities.length; k++) {
      if (probabilities[k] > probabilities[best]) {
        best = k;
      }
    }
    return best;
  }

  /** Probabilities for a single image. */
  default float[] probabilities(PixelImage image) {
    return probabilities(List.of(image))[0];
  }

  /**
   * Classifies one blank image and discards the answer. The first forward pass of a network costs
   * about 200 ms more than the next ones (the native kernels are prepared then); calling this in
   * the background right after loading keeps that cost off the first prediction a user sees.
   */
  default void warmUp() {
    Preprocessing p = preprocessing();
    probabilities(
        new PixelImage(
            p.width(), p.height(), p.channels(), new float[p.width() * p.height() * p.channels()]));
  }
}
