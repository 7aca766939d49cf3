package org.aslwb.model;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The reference study's simple CNN: three blocks of 3x3 'same' convolution (16, 32, 64 filters,
 * ReLU) with 2x2 max-pooling, batch normalisation, flatten, a 128-unit dense layer with dropout 0.5
 * and a softmax over the classes.
 */
final class SimpleCnn {
  static final int DENSE_UNITS = 128;
  static final double DROPOUT = 0.5;

  private SimpleCnn() {}

  static void build(GraphLayers layers, NetworkShape shape) {
    var g = layers.graph();
    g.addInputs("input");
    g.setInputTypes(InputType.convolutional(shape.height(), shape.width(), shape.channels()));
    String x = "input";
    int[] filters = {16, 32, 64};
    for (int i = 0; i < filters.length; i++) {
      x =
          layers.conv(
              "conv" + (i + 1), x, shape.scaled(filters[i]), 3, 1, true, new ActivationReLU());
      g.addLayer(
          "pool" + (i + 1),
          new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
              .kernelSize(2, 2)
              .stride(2, 2)
              .build(),
          x);
      x = "pool" + (i + 1);
    }
    x = layers.batchNorm("bn", x, shape.scaled(64), GraphLayers.identity());
    DenseLayer.Builder dense =
        new DenseLayer.Builder().nOut(shape.scaled(DENSE_UNITS)).activation(new ActivationReLU());
    if (!layers.isTwin()) {
      dense.dropOut(DROPOUT);
    }
    g.addLayer("dense", dense.build(), x);
    g.addLayer(
        "output",
        new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nOut(shape.classes())
            .activation(new ActivationSoftmax())
            .build(),
        "dense");
    g.setOutputs("output");
  }
}
