package org.aslwb.model;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Preprocessing;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link Classifier} backed by a DL4J network. For our own architectures on the CPU,
 * probabilities and input gradients come from the inference twin run on oneDNN directly ({@link
 * OnednnNetwork}, 2-4x faster, equal within float rounding); otherwise (imported Keras models, the
 * CUDA backend, {@code ASLWB_ONEDNN=off}) probabilities come from the network itself in inference
 * mode and gradients from its inference twin. The twin is built on first use.
 *
 * <p>Thread-safe by two documented locks, so one model can serve several jobs at once (a slider
 * frame, a sweep, LIME): forward passes hold {@code forwardLock} (the network's layers keep their
 * activations between calls), input gradients hold {@code gradientLock} (the twin's listeners,
 * inputs and labels are set per call; Grad-CAM's feature maps too). The two use different graphs,
 * so a frame's forward pass does not wait for a sweep's backward pass. Copies per thread would cost
 * a network's memory per job (160 MB for full DarkNet-53) for little gain on two cores. The oneDNN
 * engine locks per batch size itself; {@code directLock} only guards building it.
 */
public final class NetworkClassifier implements Classifier {
  /**
   * Images per forward pass through DL4J: large enough for oneDNN to be efficient, small enough for
   * memory.
   */
  static final int CHUNK = 128;

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(NetworkClassifier.class);

  private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

  private final ComputationGraph network;
  private final UnaryOperator<ComputationGraph> twinOf;
  private final InputLayout layout;
  private final List<String> classNames;
  private final Preprocessing preprocessing;
  private final String lastConvBlock;
  private final Object forwardLock = new Object();
  private final Object gradientLock = new Object();
  private final Object directLock = new Object();
  private final Architecture directArchitecture;
  private final NetworkShape shape;
  private ComputationGraph twin;
  private OnednnNetwork direct;
  private boolean directTried;

  /**
   * Wraps {@code network}; it must not be trained further while this classifier is in use.
   *
   * @param twinOf builds the network's inference twin, for input gradients
   * @param layout the network's input layout (ours are channels first, Keras' channels last)
   */
  public NetworkClassifier(
      ComputationGraph network,
      UnaryOperator<ComputationGraph> twinOf,
      InputLayout layout,
      List<String> classNames,
      Preprocessing preprocessing) {
    this(network, twinOf, layout, classNames, preprocessing, null, null, null);
  }

  /**
   * @param lastConvBlock the vertex Grad-CAM explains, or null for the last convolution layer
   * @param directArchitecture the architecture when it runs on oneDNN directly ({@link
   *     OnednnNetwork}), else null
   * @param shape its input shape, with {@code directArchitecture}
   */
  private NetworkClassifier(
      ComputationGraph network,
      UnaryOperator<ComputationGraph> twinOf,
      InputLayout layout,
      List<String> classNames,
      Preprocessing preprocessing,
      String lastConvBlock,
      Architecture directArchitecture,
      NetworkShape shape) {
    this.network = network;
    this.directArchitecture = directArchitecture;
    this.shape = shape;
    this.twinOf = twinOf;
    this.layout = layout;
    this.classNames = List.copyOf(classNames);
    this.preprocessing = preprocessing;
    this.lastConvBlock = lastConvBlock;
  }

  /** A classifier over one of our own architectures. */
  public NetworkClassifier(
      ComputationGraph network,
      Architecture architecture,
      NetworkShape shape,
      List<String> classNames,
      Preprocessing preprocessing) {
    this(
        network,
        net -> InferenceTwin.of(net, architecture, shape),
        InputLayout.CHANNELS_FIRST,
        classNames,
        preprocessing,
        architecture.lastConvBlock(),
        OnednnNetwork.wanted() ? architecture : null,
        shape);
  }

  @Override
  public List<String> classNames() {
    return classNames;
  }

  @Override
  public Preprocessing preprocessing() {
    return preprocessing;
  }

  @Override
  public float[][] probabilities(List<PixelImage> images) {
    OnednnNetwork engine = direct();
    if (engine != null) {
      try {
        return rows(engine.probabilities(normalised(images), images.size()), images.size());
      } finally {
        // the engine is closed when this classifier is collected: not while it computes
        java.lang.ref.Reference.reachabilityFence(this);
      }
    }
    float[][] out = new float[images.size()][];
    for (int start = 0; start < images.size(); start += CHUNK) {
      List<PixelImage> chunk = images.subList(start, Math.min(images.size(), start + CHUNK));
      INDArray input = toInput(chunk);
      float[] probs;
      synchronized (forwardLock) {
        probs = Tensors.toFloats(network.output(false, input)[0]);
      }
      System.arraycopy(rows(probs, chunk.size()), 0, out, start, chunk.size());
    }
    return out;
  }

  @Override
  public float[][] lossGradients(List<PixelImage> images, int[] labels) {
    if (labels.length != images.size()) {
      throw new IllegalArgumentException("one label per image");
    }
    OnednnNetwork engine = direct();
    if (engine != null) {
      try {
        float[][] out =
            rows(engine.lossGradients(normalised(images), images.size(), labels), images.size());
        for (float[] g : out) {
          toPixelGradient(g);
        }
        return out;
      } finally {
        java.lang.ref.Reference.reachabilityFence(this);
      }
    }
    synchronized (gradientLock) {
      return lossGradientsLocked(images, labels);
    }
  }

  /** The oneDNN engine for this network, built on first use; null where DL4J computes. */
  private OnednnNetwork direct() {
    if (directArchitecture == null) {
      return null;
    }
    synchronized (directLock) {
      if (!directTried) {
        directTried = true;
        ComputationGraph t;
        synchronized (gradientLock) {
          if (twin == null) {
            twin = twinOf.apply(network);
          }
          t = twin;
        }
        try {
          direct = OnednnNetwork.of(directArchitecture, t, shape);
        } catch (RuntimeException e) {
          // oneDNN refused this network (say, a primitive it cannot create here): DL4J computes
          LOG.warn("oneDNN could not run this network; DL4J computes instead: {}", e.toString());
          direct = null;
        }
        if (direct != null) {
          // its primitives and native buffers go when this classifier does
          CLEANER.register(this, direct::close);
        }
      }
      return direct;
    }
  }

  private static float[][] rows(float[] flat, int n) {
    float[][] out = new float[n][];
    int size = n == 0 ? 0 : flat.length / n;
    for (int i = 0; i < n; i++) {
      out[i] = java.util.Arrays.copyOfRange(flat, i * size, (i + 1) * size);
    }
    return out;
  }

  /** The chain rule through the normalisation: d/dpixel = d/dnormalised / std, in place. */
  private void toPixelGradient(float[] g) {
    int plane = preprocessing.width() * preprocessing.height();
    for (int c = 0; c < preprocessing.channels(); c++) {
      float invStd = 1f / preprocessing.std()[c];
      for (int k = c * plane; k < (c + 1) * plane; k++) {
        g[k] *= invStd;
      }
    }
  }

  private float[][] lossGradientsLocked(List<PixelImage> images, int[] labels) {
    if (twin == null) {
      twin = twinOf.apply(network);
    }
    float[][] out = new float[images.size()][];
    for (int start = 0; start < images.size(); start += CHUNK) {
      int n = Math.min(images.size(), start + CHUNK) - start;
      INDArray oneHot = Nd4j.zeros(n, classNames.size());
      for (int i = 0; i < n; i++) {
        oneHot.putScalar(i, labels[start + i], 1f);
      }
      InputGradientCapture capture = new InputGradientCapture();
      twin.setListeners(capture);
      twin.setInputs(toInput(images.subList(start, start + n)));
      twin.setLabels(oneHot);
      twin.computeGradientAndScore();
      twin.setListeners();
      float[][] g = rows(Tensors.toFloats(layout.toChannelsFirst(capture.gradient)), n);
      for (int i = 0; i < n; i++) {
        toPixelGradient(g[i]);
        out[start + i] = g[i];
      }
    }
    return out;
  }

  @Override
  public Optional<FeatureMaps> lastConvBlock(PixelImage image, int label) {
    INDArray input = toInput(List.of(image));
    synchronized (gradientLock) { // Grad-CAM runs a backward pass through the twin
      if (twin == null) {
        twin = twinOf.apply(network);
      }
      String layer = lastConvBlock != null ? lastConvBlock : LogitGradients.lastConvolution(twin);
      return Optional.of(LogitGradients.featureMaps(twin, layer, input, layout, label));
    }
  }

  /** Stacks images into a normalised NCHW batch. */
  INDArray toInput(List<PixelImage> images) {
    return layout.fromChannelsFirst(
        Tensors.fromFloats(
            normalised(images),
            images.size(),
            preprocessing.channels(),
            preprocessing.height(),
            preprocessing.width()));
  }

  /** The images normalised, channels first, one after another. */
  private float[] normalised(List<PixelImage> images) {
    int size = preprocessing.channels() * preprocessing.height() * preprocessing.width();
    float[] flat = new float[images.size() * size];
    for (int i = 0; i < images.size(); i++) {
      PixelImage image = images.get(i);
      if (image.width() != preprocessing.width()
          || image.height() != preprocessing.height()
          || image.channels() != preprocessing.channels()) {
        throw new IllegalArgumentException(
            "image is "
                + image
                + " but the model expects "
                + preprocessing.width()
                + "x"
                + preprocessing.height()
                + "x"
                + preprocessing.channels());
      }
      preprocessing.normalise(image.data(), flat, i * size);
    }
    return flat;
  }

  /** Reads the input vertex's epsilon after the backward pass, before the graph clears it. */
  private static final class InputGradientCapture extends BaseTrainingListener {
    private INDArray gradient;

    @Override
    public void onBackwardPass(Model model) {
      ComputationGraph graph = (ComputationGraph) model;
      String input = graph.getConfiguration().getNetworkInputs().get(0);
      gradient = graph.getVertex(input).getEpsilon().dup();
    }
  }
}
