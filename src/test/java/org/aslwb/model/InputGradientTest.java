package org.aslwb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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

    Random random = new Random(5);
    PixelImage image = randomImage(random);
    float[] p0 = classifier.probabilities(image);
    int label = (argmax(p0) + 1) % CLASSES; // a wrong label: the loss is far from flat
    float[] gradient = classifier.lossGradients(List.of(image), new int[] {label})[0];

    // directional derivative along the gradient equals its norm
    double norm = 0;
    for (float g : gradient) {
      norm += g * g;
    }
    norm = Math.sqrt(norm);
    assertTrue(norm > 0, "gradient should not vanish");
    double h = 2e-3;
    float[] plus = image.data().clone();
    float[] minus = image.data().clone();
    for (int i = 0; i < plus.length; i++) {
      plus[i] += (float) (h * gradient[i] / norm);
      minus[i] -= (float) (h * gradient[i] / norm);
    }
    double numeric = (loss(classifier, plus, label) - loss(classifier, minus, label)) / (2 * h);
    assertEquals(norm, numeric, 0.05 * norm, "directional derivative");

    // and pixel by pixel for the pixels with the largest gradients; a ReLU or max-pool kink inside
    // the step may spoil one of them, so four of five must agree
    int agreeing = 0;
    StringBuilder report = new StringBuilder();
    for (int i : topIndices(gradient, 5)) {
      double step = 2e-3;
      float[] p = image.data().clone();
      float[] m = image.data().clone();
      p[i] += (float) step;
      m[i] -= (float) step;
      double fd = (loss(classifier, p, label) - loss(classifier, m, label)) / (2 * step);
      report.append(String.format(" [%d: %.4f vs %.4f]", i, gradient[i], fd));
      if (Math.abs(gradient[i] - fd) <= 0.1 * Math.abs(gradient[i]) + 1e-4) {
        agreeing++;
      }
    }
    assertTrue(agreeing >= 4, "analytic vs numeric:" + report);
  }

  private static double loss(Classifier c, float[] pixels, int label) {
    float[] p = c.probabilities(new PixelImage(SIZE, SIZE, 3, pixels));
    return -Math.log(p[label]);
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

  private static int argmax(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }

  private static List<Integer> topIndices(float[] values, int k) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      idx.add(i);
    }
    idx.sort((a, b) -> Float.compare(Math.abs(values[b]), Math.abs(values[a])));
    return idx.subList(0, k);
  }
}
