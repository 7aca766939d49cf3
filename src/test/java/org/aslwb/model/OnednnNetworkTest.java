package org.aslwb.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Preprocessing;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Our networks on oneDNN directly give DL4J's probabilities and input gradients: against the real
 * network's inference output and the DL4J twin's backward pass, for both architectures, at 32 px
 * (DarkNet-53's 'same' padding one-sided at every stride-2 layer) and 36 px (one-sided, then even
 * on the odd sizes 9, 5 and 3; the CNN's last pooling drops a row), over more images than one
 * chunk, and from two threads at once.
 */
class OnednnNetworkTest {
  private static final int CLASSES = 4;
  private static final List<String> NAMES = List.of("a", "b", "c", "d");

  @ParameterizedTest
  @CsvSource({"DARKNET53, 32", "DARKNET53, 36", "CNN, 32", "CNN, 36"})
  void probabilitiesAndInputGradientsEqualDl4js(Architecture architecture, int size)
      throws Exception {
    Engine.start();
    NetworkShape shape =
        new NetworkShape(CLASSES, size, size, 3, architecture == Architecture.CNN ? 1.0 : 0.25);
    ComputationGraph net = trained(architecture, shape);
    Preprocessing pre =
        Preprocessing.rgb(size)
            .withStatistics(new float[] {0.4f, 0.5f, 0.6f}, new float[] {0.2f, 0.25f, 0.3f});
    NetworkClassifier direct = new NetworkClassifier(net, architecture, shape, NAMES, pre);
    NetworkClassifier dl4j = withoutOnednn(net, architecture, shape, pre);
    try (OnednnNetwork engine =
        OnednnNetwork.of(architecture, InferenceTwin.of(net, architecture, shape), shape)) {
      assertNotNull(engine, "oneDNN runs this network here (no reference kernels)");
    }

    int n = OnednnNetwork.CHUNK + 5; // one full chunk and a remainder
    List<PixelImage> images = images(n, size, new Random(5));
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % CLASSES;
    }

    assertEquals(0, direct.probabilities(List.of()).length, "no images, no rows");
    float[][] expected = dl4j.probabilities(images);
    float[][] actual = direct.probabilities(images);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < CLASSES; k++) {
        assertEquals(expected[i][k], actual[i][k], 1e-4, "probability " + k + " of image " + i);
      }
    }

    float[][] expectedGradient = dl4j.lossGradients(images, labels);
    float[][] actualGradient = direct.lossGradients(images, labels);
    float scale = largest(expectedGradient);
    for (int i = 0; i < n; i++) {
      assertClose(expectedGradient[i], actualGradient[i], scale, "gradient of image " + i);
    }

    // two threads, two batch sizes (a slider frame beside a sweep's chunk), same answers
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<float[][]>> single = new ArrayList<>();
      List<Future<float[][]>> batch = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        single.add(pool.submit(() -> direct.lossGradients(images.subList(0, 1), new int[] {0})));
        batch.add(pool.submit(() -> direct.probabilities(images)));
      }
      for (int r = 0; r < 4; r++) {
        assertClose(expectedGradient[0], single.get(r).get()[0], scale, "concurrent gradient");
        float[][] again = batch.get(r).get();
        for (int i = 0; i < n; i++) {
          assertArrayEquals(actual[i], again[i], "concurrent probabilities of image " + i);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static NetworkClassifier withoutOnednn(
      ComputationGraph net, Architecture architecture, NetworkShape shape, Preprocessing pre) {
    System.setProperty(OnednnNetwork.PROPERTY, "off");
    try {
      return new NetworkClassifier(net, architecture, shape, NAMES, pre);
    } finally {
      System.clearProperty(OnednnNetwork.PROPERTY);
    }
  }

  /**
   * Gradients agree to 1e-3 of the largest component over all images (float sums in another order;
   * an image the network is sure of has a gradient near float rounding of 1 - p).
   */
  private static void assertClose(float[] expected, float[] actual, float scale, String what) {
    for (int k = 0; k < expected.length; k++) {
      assertEquals(expected[k], actual[k], 1e-3 * scale, what + ", component " + k);
    }
  }

  private static float largest(float[][] rows) {
    float scale = 0;
    for (float[] row : rows) {
      for (float v : row) {
        scale = Math.max(scale, Math.abs(v));
      }
    }
    assertTrue(scale > 0, "the gradients are not all zero");
    return scale;
  }

  /**
   * A few training steps, so that the batch-norm statistics and weights are not the initial ones.
   */
  private static ComputationGraph trained(Architecture architecture, NetworkShape shape) {
    ComputationGraph net = architecture.create(shape, 3, 1e-4);
    Nd4j.getRandom().setSeed(11);
    var features = Nd4j.rand(DataType.FLOAT, 16, 3, shape.height(), shape.width());
    var labels = Nd4j.zeros(DataType.FLOAT, 16, CLASSES);
    for (int i = 0; i < 16; i++) {
      labels.putScalar(i, i % CLASSES, 1f);
    }
    for (int i = 0; i < 10; i++) {
      net.fit(new DataSet(features, labels));
    }
    return net;
  }

  private static List<PixelImage> images(int n, int size, Random random) {
    List<PixelImage> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] d = new float[3 * size * size];
      for (int k = 0; k < d.length; k++) {
        d[k] = 0.2f + 0.6f * random.nextFloat();
      }
      out.add(new PixelImage(size, size, 3, d));
    }
    return out;
  }
}
