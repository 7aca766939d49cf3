package org.aslwb.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EngineTest {
  @Test
  void oneDnnConvolutionHelperIsActiveAndMatchesThePlainPath() {
    Engine.EngineInfo info = Engine.start();
    assumeTrue(info.avx2(), "this CPU has no AVX2: the generic build runs without oneDNN");
    assertTrue(info.oneDnn(), "the onednn-avx2 native build should be loaded: " + info.describe());

    NetworkShape shape = new NetworkShape(5, 32, 32, 3, 1.0);
    ComputationGraph withHelpers = Architecture.CNN.create(shape, 1, 1e-3);
    assertNotNull(
        ((ConvolutionLayer) withHelpers.getLayer("conv1")).getHelper(),
        "the shim org.nd4j.nativeblas.Nd4jCpu should let DL4J create its oneDNN conv helper");

    ComputationGraph plain;
    System.setProperty(Engine.HELPERS_DISABLE, "true");
    try {
      plain = Architecture.CNN.create(shape, 1, 1e-3);
    } finally {
      System.setProperty(Engine.HELPERS_DISABLE, "false");
    }
    assertNull(((ConvolutionLayer) plain.getLayer("conv1")).getHelper());
    plain.setParams(withHelpers.params().dup());

    INDArray input = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 4, 3, 32, 32);
    float[] a = withHelpers.output(false, input)[0].data().asFloat();
    float[] b = plain.output(false, input)[0].data().asFloat();
    assertArrayEquals(b, a, 1e-5f);
  }
}
