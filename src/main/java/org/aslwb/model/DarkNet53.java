package org.aslwb.model;

import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DarkNet-53, the YOLOv3 backbone as a classifier (Redmon &amp; Farhadi 2018, darknet's {@code
 * cfg/darknet53.cfg}): a 32-filter stem, five stride-2 stages with 1, 2, 8, 8 and 4 residual
 * blocks, each convolution without bias followed by batch norm and leaky ReLU 0.1; global average
 * pooling and a softmax classifier. 52 convolutions plus the classifier; about 40.6 M backbone
 * parameters at width 1.0.
 */
final class DarkNet53 {
  static final int[] BLOCKS = {1, 2, 8, 8, 4};
  static final double LEAK = 0.1;

  private DarkNet53() {}

  static void build(GraphLayers layers, NetworkShape shape) {
    var g = layers.graph();
    g.addInputs("input");
    g.setInputTypes(InputType.convolutional(shape.height(), shape.width(), shape.channels()));
    int channels = shape.scaled(32);
    String x = convUnit(layers, "stem", "input", channels, 3, 1);
    for (int stage = 0; stage < BLOCKS.length; stage++) {
      channels = shape.scaled(64 << stage);
      x = convUnit(layers, "s" + (stage + 1) + "_down", x, channels, 3, 2);
      for (int block = 0; block < BLOCKS[stage]; block++) {
        String name = "s" + (stage + 1) + "_b" + (block + 1);
        String reduced = convUnit(layers, name + "_a", x, Math.max(2, channels / 2), 1, 1);
        String expanded = convUnit(layers, name + "_b", reduced, channels, 3, 1);
        // the residual sum has no activation after it (darknet's shortcut, activation=linear)
        g.addVertex(name + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), x, expanded);
        x = name + "_add";
      }
    }
    g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), x);
    g.addLayer(
        "output",
        new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nOut(shape.classes())
            .activation(new ActivationSoftmax())
            .build(),
        "pool");
    g.setOutputs("output");
  }

  /** Convolution without bias, batch norm, leaky ReLU 0.1. */
  private static String convUnit(
      GraphLayers layers, String name, String input, int nOut, int kernel, int stride) {
    return layers.convBatchNorm(name, input, nOut, kernel, stride, new ActivationLReLU(LEAK));
  }
}
