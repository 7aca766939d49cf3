package org.aslwb.model;

import java.util.Map;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradients of one class's logit (not of the loss) through an inference twin. The twin's output
 * layer is softmax with cross-entropy, whose gradient at the logits is {@code p - y}; training it
 * on the soft label {@code y = p + e_c} (p: the twin's own probabilities) makes that gradient
 * {@code -e_c}, so the backward pass carries {@code -d z_c / d(anything)}. The sign is turned back
 * here.
 */
final class LogitGradients {
  private LogitGradients() {}

  /**
   * The activations of vertex {@code layer} for a one-image {@code input} and {@code d z_label / d
   * activations}, channels first.
   */
  static FeatureMaps featureMaps(
      ComputationGraph twin, String layer, INDArray input, InputLayout layout, int label) {
    Map<String, INDArray> activations = twin.feedForward(new INDArray[] {input}, false, false);
    String output = twin.getConfiguration().getNetworkOutputs().get(0);
    INDArray labels = activations.get(output).dup();
    labels.putScalar(0, label, labels.getDouble(0, label) + 1);
    EpsilonCapture capture = new EpsilonCapture(layer);
    twin.setListeners(capture);
    try {
      twin.setInputs(input);
      twin.setLabels(labels);
      twin.computeGradientAndScore();
    } finally {
      twin.setListeners();
    }
    INDArray a = activations.get(layer);
    if (a == null || a.rank() != 4 || capture.epsilon == null) {
      throw new IllegalStateException("vertex '" + layer + "' has no convolutional output");
    }
    INDArray acts = layout.toChannelsFirst(a).dup('c');
    INDArray grads = layout.toChannelsFirst(capture.epsilon).neg().dup('c');
    long[] shape = acts.shape();
    return new FeatureMaps(
        layer,
        label,
        (int) shape[1],
        (int) shape[2],
        (int) shape[3],
        Tensors.toFloats(acts),
        Tensors.toFloats(grads));
  }

  /** The last convolution layer of a graph in topological order (for imported models). */
  static String lastConvolution(ComputationGraph graph) {
    String last = null;
    for (int index : graph.topologicalSortOrder()) {
      var vertex =
          graph.getConfiguration().getVertices().get(graph.getVertices()[index].getVertexName());
      if (vertex instanceof LayerVertex lv
          && lv.getLayerConf().getLayer() instanceof ConvolutionLayer) {
        last = graph.getVertices()[index].getVertexName();
      }
    }
    if (last == null) {
      throw new IllegalStateException("the network has no convolution layer");
    }
    return last;
  }

  /** Reads a vertex's epsilon (the gradient at its output) after the backward pass. */
  private static final class EpsilonCapture extends BaseTrainingListener {
    private final String vertex;
    private INDArray epsilon;

    EpsilonCapture(String vertex) {
      this.vertex = vertex;
    }

    @Override
    public void onBackwardPass(Model model) {
      INDArray e = ((ComputationGraph) model).getVertex(vertex).getEpsilon();
      epsilon = e == null ? null : e.dup();
    }
  }
}
