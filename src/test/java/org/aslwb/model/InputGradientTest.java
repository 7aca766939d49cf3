package org.aslwb.model;

import java.util.List;
import java.util.Random;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Preprocessing;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class InputGradientTest {
  private static final int SIZE = 32;
  private static final int CLASSES = 4;

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void inputGradientMatchesFiniteDifferencesOfTheInferenceLoss(Architecture architecture) {
    Engine.start();
    NetworkShape shape = new NetworkShape(CLASSES, SIZE, SIZE, 3, 0.25);
    ComputationGraph net = architecture.create(shape, 3, 1e-4);
    // enough steps for the batch-norm running statistics to move away from their initial values
    // (and, for the 52-layer DarkNet, close enough to the batch statistics to keep outputs finite)
    Nd4j.getRandom().setSeed(11);
    var features = Nd4j.rand(DataType.FLOAT, 16, 3, SIZE, SIZE);
    for (int i = 0; i < 10; i++) {
      net.fit(new DataSet(features, oneHot(16)));
    }
    Preprocessing pre =
        Preprocessing.rgb(SIZE)
            .withStatistics(new float[] {0.4f, 0.5f, 0.6f}, new float[] {0.2f, 0.25f, 0.3f});
    Classifier classifier =
        new NetworkClassifier(net, architecture, shape, List.of("a", "b", "c", "d"), pre);

    GradientChecks.assertMatchesFiniteDifferences(classifier, randomImage(new Random(5)));
  }

  private static PixelImage randomImage(Random random) {
    float[] d = new float[3 * SIZE * SIZE];
    for (int i = 0; i < d.length; i++) {
      d[i] = 0.2f + 0.6f * random.nextFloat();
    }
    return new PixelImage(SIZE, SIZE, 3, d);
  }

  private static org.nd4j.linalg.api.ndarray.INDArray oneHot(int n) {
    var y = Nd4j.zeros(DataType.FLOAT, n, CLASSES);
    for (int i = 0; i < n; i++) {
      y.putScalar(i, i % CLASSES, 1f);
    }
    return y;
  }
}
