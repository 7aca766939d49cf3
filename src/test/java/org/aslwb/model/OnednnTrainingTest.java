package org.aslwb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Training on oneDNN directly takes DL4J's step. The reference is DL4J in double precision: with
 * batch norm over a few images some channels are ill-conditioned, and DL4J's own float path is 1-4%
 * (relative L2) off the double gradients in several of DarkNet-53's layers. So each parameter's
 * gradient (Adam's first moment after one step) must be as close to the double one as DL4J's float
 * step's is, and within 5%; measured, ours is 0.8-0.85x DL4J-float's error at worst, 2% at most.
 * From the same network and batch one step also leaves the same loss, batch-norm running statistics
 * and iteration count in the network; a second batch of another size then runs on a new plan, and
 * its loss is what DL4J computes from the written-back weights (so those are the engine's). Both
 * architectures; DarkNet-53 at width 0.25 (8-channel layers: channels-last) and 0.5 (the CPU's
 * channel blocks), the CNN with its dropout off (DL4J draws its masks from its own random source);
 * soft labels.
 */
class OnednnTrainingTest {
  private static final int CLASSES = 5;
  private static final double LR = 2e-3;

  @ParameterizedTest
  @CsvSource({"CNN, 1.0, 32", "DARKNET53, 0.25, 32", "DARKNET53, 0.5, 64"})
  void aStepIsDl4jsToFloatRounding(Architecture architecture, double width, int size) {
    NetworkShape shape = new NetworkShape(CLASSES, size, size, 3, width);
    ComputationGraph ours = withoutDropout(architecture, shape, 3);
    ComputationGraph reference = ours.clone().convertDataType(DataType.DOUBLE);
    ComputationGraph dl4jFloat = ours.clone();
    ComputationGraph before = ours.clone();
    Random random = new Random(11);
    DataSet first = batch(7, size, random);
    DataSet second = batch(4, size, random);

    try (OnednnTraining engine = OnednnTraining.of(ours, architecture, shape)) {
      assertNotNull(engine, "oneDNN trains this network here");
      engine.startEpoch(LR, 1);
      double loss = engine.fit(first);
      assertEquals("oneDNN directly", engine.describe(), "no fallback to DL4J");
      engine.finishEpoch();
      reference.fit(
          new DataSet(
              first.getFeatures().castTo(DataType.DOUBLE),
              first.getLabels().castTo(DataType.DOUBLE)));
      dl4jFloat.fit(first);
      assertEquals(reference.score(), loss, 1e-5 * reference.score(), "the batch's loss");
      assertEquals(
          reference.getConfiguration().getIterationCount(),
          ours.getConfiguration().getIterationCount());

      for (UpdaterBlock block : reference.getUpdater().getUpdaterBlocks()) {
        if (block.getGradientUpdater() instanceof AdamUpdater) {
          for (UpdaterBlock.ParamState ps : block.getLayersAndVariablesInBlock()) {
            String key = ps.getLayer().getConfig().getLayerName() + "_" + ps.getParamName();
            INDArray exact = firstMoment(reference, key);
            double error = relativeError(exact, firstMoment(ours, key));
            double dl4jError = relativeError(exact, firstMoment(dl4jFloat, key));
            assertTrue(
                error < 0.05 && error <= dl4jError + 2e-3,
                key + "'s gradient is " + error + " off (DL4J float: " + dl4jError + ")");
          }
        }
      }
      // Adam's first step moves each weight by about the learning rate whatever the gradient's
      // size, so a gradient that rounding puts on the other side of zero moves it the other way
      INDArray diff = reference.params().castTo(DataType.FLOAT).sub(ours.params());
      long apart = Transforms.abs(diff).gt(1e-4).castTo(DataType.FLOAT).sumNumber().longValue();
      assertTrue(
          apart < 0.01 * diff.length(),
          apart + " of " + diff.length() + " weights differ from DL4J's step");
      assertTrue(
          ours.params().sub(before.params()).amaxNumber().doubleValue() > 0.5 * LR,
          "the step reached the network");
      for (String layer : batchNorms(reference)) {
        for (String stat : new String[] {"mean", "var"}) {
          INDArray exact = reference.getLayer(layer).getParam(stat);
          double error = relativeError(exact, ours.getLayer(layer).getParam(stat));
          assertTrue(error < 1e-4, layer + " running " + stat + " is " + error + " off");
        }
      }

      double expected = ours.score(second, true);
      assertEquals(expected, engine.fit(second), 1e-4 * expected, "a new batch size's loss");
      assertEquals("oneDNN directly", engine.describe(), "no fallback to DL4J");
    }
  }

  /**
   * What a checkpoint carries is the whole state: a step, a write-back, a new engine from the
   * network and a second step give what one engine taking both steps gives (moments read back in,
   * the dense layer's transpose, the iteration count, the running statistics).
   */
  @ParameterizedTest
  @CsvSource({"CNN, 1.0, 32", "DARKNET53, 0.25, 32"})
  void aNewEngineGoesOnFromTheWrittenBackState(Architecture architecture, double width, int size) {
    NetworkShape shape = new NetworkShape(CLASSES, size, size, 3, width);
    ComputationGraph resumed = withoutDropout(architecture, shape, 5);
    ComputationGraph straight = resumed.clone();
    Random random = new Random(13);
    DataSet first = batch(6, size, random);
    DataSet second = batch(6, size, random);

    try (OnednnTraining one = OnednnTraining.of(straight, architecture, shape)) {
      one.startEpoch(LR, 1);
      one.fit(first);
      one.fit(second);
      one.finishEpoch();
    }
    try (OnednnTraining before = OnednnTraining.of(resumed, architecture, shape)) {
      before.startEpoch(LR, 1);
      before.fit(first);
      before.finishEpoch();
    }
    try (OnednnTraining after = OnednnTraining.of(resumed, architecture, shape)) {
      after.startEpoch(LR, 1);
      after.fit(second);
      after.finishEpoch();
    }

    assertEquals(2, resumed.getConfiguration().getIterationCount());
    assertEquals(2, straight.getConfiguration().getIterationCount());
    assertTrue(
        relativeError(straight.params(), resumed.params()) < 1e-6,
        "weights: " + relativeError(straight.params(), resumed.params()));
    INDArray expectedState = straight.getUpdater().getStateViewArray();
    INDArray actualState = resumed.getUpdater().getStateViewArray();
    assertTrue(
        relativeError(expectedState, actualState) < 1e-6,
        "Adam's moments: " + relativeError(expectedState, actualState));
  }

  private static INDArray firstMoment(ComputationGraph net, String key) {
    AdamUpdater adam = adamOf(net, key);
    return OnednnTraining.momentOf(net, key, adam, adam.getM()).castTo(DataType.DOUBLE);
  }

  /** {@code |actual - expected| / |expected|}, Euclidean norms. */
  private static double relativeError(INDArray expected, INDArray actual) {
    INDArray e = expected.castTo(DataType.DOUBLE);
    double norm = Math.max(1e-30, e.norm2Number().doubleValue());
    return e.sub(actual.castTo(DataType.DOUBLE)).norm2Number().doubleValue() / norm;
  }

  /** A new network; the CNN's dropout off, as DL4J draws its masks from its own source. */
  private static ComputationGraph withoutDropout(
      Architecture architecture, NetworkShape shape, long seed) {
    Engine.start();
    ComputationGraph net = architecture.create(shape, seed, LR);
    if (architecture == Architecture.CNN) {
      net.getLayer("output").conf().getLayer().setIDropout(null);
    }
    return net;
  }

  private static AdamUpdater adamOf(ComputationGraph net, String key) {
    for (UpdaterBlock block : net.getUpdater().getUpdaterBlocks()) {
      for (UpdaterBlock.ParamState ps : block.getLayersAndVariablesInBlock()) {
        if (key.equals(ps.getLayer().getConfig().getLayerName() + "_" + ps.getParamName())) {
          return (AdamUpdater) block.getGradientUpdater();
        }
      }
    }
    throw new AssertionError("no updater for " + key);
  }

  private static java.util.List<String> batchNorms(ComputationGraph net) {
    return java.util.Arrays.stream(net.getLayers())
        .filter(l -> l.conf().getLayer() instanceof BatchNormalization)
        .map(l -> l.conf().getLayer().getLayerName())
        .toList();
  }

  /** Images in [0, 1) and smoothed one-hot labels (they sum to 1, as label smoothing keeps). */
  private static DataSet batch(int n, int size, Random random) {
    float[] x = new float[n * 3 * size * size];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat();
    }
    float[] y = new float[n * CLASSES];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < CLASSES; k++) {
        y[i * CLASSES + k] = 0.1f / CLASSES;
      }
      y[i * CLASSES + random.nextInt(CLASSES)] += 0.9f;
    }
    return new DataSet(Tensors.fromFloats(x, n, 3, size, size), Tensors.fromFloats(y, n, CLASSES));
  }
}
