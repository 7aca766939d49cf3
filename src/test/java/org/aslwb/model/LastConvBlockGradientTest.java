package org.aslwb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class LastConvBlockGradientTest {
  private static final int SIZE = 32;
  private static final int CLASSES = 4;

  /**
   * The logit gradients at the last convolutional block predict, by the chain rule, how the logit
   * margin between two classes moves when the image moves a little: {@code (G_c - G_j) . dA = d(log
   * p_c - log p_j)}.
   */
  @ParameterizedTest
  @EnumSource(Architecture.class)
  void featureMapGradientsAreTheLogitsGradients(Architecture architecture) {
    Engine.start();
    NetworkShape shape = new NetworkShape(CLASSES, SIZE, SIZE, 3, 0.25);
    ComputationGraph net = architecture.create(shape, 3, 1e-4);
    Nd4j.getRandom().setSeed(11);
    var features = Nd4j.rand(DataType.FLOAT, 16, 3, SIZE, SIZE);
    var labels = Nd4j.zeros(DataType.FLOAT, 16, CLASSES);
    for (int i = 0; i < 16; i++) {
      labels.putScalar(i, i % CLASSES, 1f);
    }
    // a few steps move the weights and batch-norm statistics off their initial values
    for (int i = 0; i < 3; i++) {
      net.fit(new DataSet(features, labels));
    }
    Classifier classifier =
        new NetworkClassifier(
            net, architecture, shape, List.of("a", "b", "c", "d"), Preprocessing.rgb(SIZE));
    Random random = new Random(5);
    float[] x = new float[3 * SIZE * SIZE];
    float[] moved = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = 0.2f + 0.6f * random.nextFloat();
      moved[i] = x[i] + (random.nextBoolean() ? 2e-3f : -2e-3f);
    }
    PixelImage image = new PixelImage(SIZE, SIZE, 3, x);
    PixelImage after = new PixelImage(SIZE, SIZE, 3, moved);
    float[] p0 = classifier.probabilities(image);
    float[] p1 = classifier.probabilities(after);
    int c = Classifier.argmax(p0);
    int j = (c + 1) % CLASSES;
    FeatureMaps gc = classifier.lastConvBlock(image, c).orElseThrow();
    FeatureMaps gj = classifier.lastConvBlock(image, j).orElseThrow();
    FeatureMaps a1 = classifier.lastConvBlock(after, c).orElseThrow();
    assertEquals(architecture.lastConvBlock(), gc.layer());
    double predicted = 0;
    for (int k = 0; k < gc.activations().length; k++) {
      predicted +=
          (gc.gradients()[k] - gj.gradients()[k]) * (a1.activations()[k] - gc.activations()[k]);
    }
    double actual = (Math.log(p1[c]) - Math.log(p1[j])) - (Math.log(p0[c]) - Math.log(p0[j]));
    assertTrue(Math.abs(actual) > 1e-5, "the step should move the margin: " + actual);
    assertEquals(actual, predicted, 0.1 * Math.abs(actual), "chain rule through " + gc.layer());
  }
}
