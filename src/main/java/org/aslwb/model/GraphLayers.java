package org.aslwb.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;

/**
 * Adds layers to a graph under construction, in one of two forms.
 *
 * <p>The <em>training</em> form is the real network, with batch normalisation. The <em>inference
 * twin</em> has the same topology and names, but each batch-norm layer is a fixed per-channel
 * affine map (a 1x1 depthwise convolution with bias) and dropout is gone. DL4J's batch-norm
 * backward pass always uses the batch statistics, so the gradient of the inference-mode loss with
 * respect to the input (what FGSM needs) is only available through the twin, whose training-mode
 * pass equals the real network's inference-mode pass. {@link InferenceTwin} copies the weights.
 */
final class GraphLayers {
  /** Batch norm epsilon; the twin folds the statistics with the same value. */
  static final double BN_EPS = 1e-5;

  private static final String CONV = "_conv";
  private static final String BATCH_NORM = "_bn";

  private final ComputationGraphConfiguration.GraphBuilder graph;
  private final boolean twin;

  GraphLayers(ComputationGraphConfiguration.GraphBuilder graph, boolean twin) {
    this.graph = graph;
    this.twin = twin;
  }

  boolean isTwin() {
    return twin;
  }

  ComputationGraphConfiguration.GraphBuilder graph() {
    return graph;
  }

  /** A 'same'-padded convolution. */
  String conv(
      String name,
      String input,
      int nOut,
      int kernel,
      int stride,
      boolean bias,
      IActivation activation) {
    graph.addLayer(
        name,
        new ConvolutionLayer.Builder(kernel, kernel)
            .stride(stride, stride)
            .nOut(nOut)
            .hasBias(bias)
            .convolutionMode(ConvolutionMode.Same)
            .activation(activation)
            .build(),
        input);
    return name;
  }

  /**
   * A convolution without bias followed by batch norm and {@code activation}, named {@code name +
   * "_conv"} and {@code name + "_bn"}. In the twin the batch norm is folded into the convolution
   * (see {@link InferenceTwin}): one convolution with a bias and the activation, named {@code name
   * + "_conv"}, so that inference and input gradients skip a layer and an activation copy per unit.
   *
   * @return the vertex that carries the unit's output
   */
  String convBatchNorm(
      String name, String input, int nOut, int kernel, int stride, IActivation activation) {
    if (twin) {
      return conv(name + CONV, input, nOut, kernel, stride, true, activation);
    }
    conv(name + CONV, input, nOut, kernel, stride, false, identity());
    return batchNorm(name + BATCH_NORM, name + CONV, nOut, activation);
  }

  /** The batch norm that follows convolution {@code conv} in a {@link #convBatchNorm} unit. */
  static String batchNormAfter(String conv) {
    return conv.endsWith(CONV)
        ? conv.substring(0, conv.length() - CONV.length()) + BATCH_NORM
        : conv + BATCH_NORM;
  }

  /**
   * Batch normalisation followed by {@code activation}, or its fixed affine form in the twin.
   * DL4J's batch-norm layer ignores its own activation setting, so a non-identity activation
   * becomes a separate layer named {@code name + "_act"}.
   */
  String batchNorm(String name, String input, int channels, IActivation activation) {
    addBatchNorm(name, input, channels);
    if (activation instanceof ActivationIdentity) {
      return name;
    }
    graph.addLayer(
        name + "_act", new ActivationLayer.Builder().activation(activation).build(), name);
    return name + "_act";
  }

  private void addBatchNorm(String name, String input, int channels) {
    if (twin) {
      graph.addLayer(
          name,
          new DepthwiseConvolution2D.Builder(1, 1)
              .nIn(channels)
              .depthMultiplier(1)
              .hasBias(true)
              .convolutionMode(ConvolutionMode.Same)
              .activation(identity())
              .build(),
          input);
    } else {
      graph.addLayer(
          name,
          new BatchNormalization.Builder().nOut(channels).useLogStd(false).eps(BN_EPS).build(),
          input);
    }
  }

  /** Identity activation, for readability at call sites. */
  static IActivation identity() {
    return new ActivationIdentity();
  }
}
