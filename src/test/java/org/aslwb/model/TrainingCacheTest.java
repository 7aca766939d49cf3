package org.aslwb.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training networks keep the forward pass's convolution outputs for the backward pass instead of
 * recomputing them; the weights they learn must be those of the recomputing network.
 */
class TrainingCacheTest {
  @ParameterizedTest
  @EnumSource(Architecture.class)
  void cachedForwardResultsTrainExactlyAsRecomputedOnes(Architecture architecture) {
    Engine.start();
    NetworkShape shape = new NetworkShape(4, 32, 32, 3, 0.25);
    ComputationGraph cached = architecture.create(shape, 5, 1e-3);
    assertEquals(CacheMode.DEVICE, cached.getConfiguration().getCacheMode());
    ComputationGraph recomputed = architecture.create(shape, 5, 1e-3);
    recomputed.getConfiguration().setCacheMode(CacheMode.NONE);
    recomputed.setCacheMode(CacheMode.NONE);

    INDArray x = Nd4j.rand(DataType.FLOAT, 6, 3, 32, 32);
    INDArray y = Nd4j.zeros(DataType.FLOAT, 6, 4);
    for (int i = 0; i < 6; i++) {
      y.putScalar(i, i % 4, 1f);
    }
    DataSet batch = new DataSet(x, y);
    for (int step = 0; step < 2; step++) {
      // the same dropout masks for both
      Nd4j.getRandom().setSeed(100 + step);
      cached.fit(batch);
      Nd4j.getRandom().setSeed(100 + step);
      recomputed.fit(batch);
      assertEquals(recomputed.score(), cached.score(), 1e-5, "loss at step " + step);
    }
    assertArrayEquals(
        recomputed.params().data().asFloat(), cached.params().data().asFloat(), 1e-5f);
  }

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void aNetworkFromAnEarlierVersionIsSwitchedOverForTraining(Architecture architecture) {
    Engine.start();
    ComputationGraph old = architecture.create(new NetworkShape(4, 32, 32, 3, 0.25), 5, 1e-3);
    old.getConfiguration().setCacheMode(CacheMode.NONE);
    old.setCacheMode(CacheMode.NONE);
    Architecture.cacheForTraining(old);
    assertEquals(CacheMode.DEVICE, old.getConfiguration().getCacheMode());
  }
}
