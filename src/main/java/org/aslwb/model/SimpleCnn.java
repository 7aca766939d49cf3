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
 * ReLU) with 2x2 max-pooling, batch normalisation, flatten, a dense ReLU layer followed by dropout,
 * and a softmax over the classes.
 *
 * <p>The seed names neither the dense width nor the dropout rate. 256 units with dropout 0.2 learn
 * fastest of the choices measured on asl-alphabet-5800 (30 epochs, batch 128, lr 1e-3: 128 units
 * with dropout 0.5 reached 0.927 validation accuracy, 256 with 0.2 reached 0.956, 512 with 0.2
 * 0.960); the PyTorch anchor uses 128 and 0.5.
 */
final class SimpleCnn {
  static final int DENSE_UNITS = 256;
  static final double DROPOUT = 0.2;

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
    g.addLayer(
        "dense",
        new DenseLayer.Builder()
            .nOut(shape.scaled(DENSE_UNITS))
            .activation(new ActivationReLU())
            .build(),
        x);
    OutputLayer.Builder output =
        new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nOut(shape.classes())
            .activation(new ActivationSoftmax());
    if (!layers.isTwin()) {
      // DL4J drops a layer's inputs, so dropout on the output layer is Keras'
      // Dense -> Dropout -> Dense: the dense layer's outputs are dropped, not the
      // flattened features going into it. Its argument is the probability of keeping a unit.
      output.dropOut(1 - DROPOUT);
    }
    g.addLayer("output", output.build(), "dense");
    g.setOutputs("output");
  }
}
