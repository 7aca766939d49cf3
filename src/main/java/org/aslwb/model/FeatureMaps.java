package org.aslwb.model;

/**
 * One image's activations at a convolutional layer and the gradient of one class's logit (its score
 * before the softmax) with respect to them: what Grad-CAM needs. Both are channels first, {@code
 * [channel][row][column]}.
 *
 * @param layer the layer's name in the network
 * @param label the class whose logit was differentiated
 * @param channels feature maps
 * @param height rows of each map
 * @param width columns of each map
 * @param activations the layer's output, {@code channels * height * width} values
 * @param gradients d logit / d activation, same layout
 */
public record FeatureMaps(
    String layer,
    int label,
    int channels,
    int height,
    int width,
    float[] activations,
    float[] gradients) {
  /** Checks the array sizes. */
  public FeatureMaps {
    int size = channels * height * width;
    if (activations.length != size || gradients.length != size) {
      throw new IllegalArgumentException(
          "feature maps of " + channels + "x" + height + "x" + width + " need " + size + " values");
    }
  }
}
