package org.aslwb.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The inference twin (see {@link GraphLayers}) of a network we did not build, such as an imported
 * Keras model: its configuration rewritten so that each batch norm is the fixed per-channel affine
 * map of its running statistics (a 1x1 depthwise convolution), dropout is off, and a softmax
 * cross-entropy loss sits on the output, so that a backward pass yields the inference-mode input
 * gradient.
 */
final class ImportedGraphTwin {
  static final String LOSS = "aslwb_loss";

  private ImportedGraphTwin() {}

  static ComputationGraph of(ComputationGraph source) {
    ComputationGraphConfiguration conf = source.getConfiguration().clone();
    conf.setTrainingWorkspaceMode(WorkspaceMode.NONE);
    conf.setInferenceWorkspaceMode(WorkspaceMode.NONE);
    Map<String, GraphVertex> vertices = conf.getVertices();
    for (Map.Entry<String, GraphVertex> e : vertices.entrySet()) {
      if (!(e.getValue() instanceof LayerVertex vertex)) {
        continue;
      }
      NeuralNetConfiguration layerConf = vertex.getLayerConf();
      layerConf.getLayer().setIDropout(null);
      if (layerConf.getLayer() instanceof BatchNormalization bn) {
        layerConf.setLayer(affineOf(e.getKey(), bn));
      }
    }
    addLoss(conf);
    conf.setTopologicalOrder(null);
    conf.setTopologicalOrderStr(null);
    ComputationGraph twin = new ComputationGraph(conf);
    twin.init();
    for (Layer to : twin.getLayers()) {
      if (to.numParams() == 0) {
        continue;
      }
      Layer from = source.getLayer(to.conf().getLayer().getLayerName());
      if (from.conf().getLayer() instanceof BatchNormalization) {
        InferenceTwin.fold(from, to);
      } else {
        to.setParams(from.params().dup());
      }
    }
    return twin;
  }

  private static DepthwiseConvolution2D affineOf(String name, BatchNormalization bn) {
    DepthwiseConvolution2D affine =
        new DepthwiseConvolution2D.Builder(1, 1)
            .nIn(bn.getNOut())
            .nOut(bn.getNOut())
            .depthMultiplier(1)
            .hasBias(true)
            .convolutionMode(ConvolutionMode.Same)
            .dataFormat(bn.getCnn2DFormat())
            .activation(new ActivationIdentity())
            .weightInit(WeightInit.ZERO)
            .build();
    affine.setLayerName(name);
    return affine;
  }

  /**
   * Puts a softmax cross-entropy loss on the output. A Keras classifier ends in a dense layer with
   * a softmax; its logits feed the loss's own softmax, which is numerically stable where the
   * network's probabilities underflow.
   */
  private static void addLoss(ComputationGraphConfiguration conf) {
    List<String> outputs = conf.getNetworkOutputs();
    if (outputs.size() != 1) {
      throw new IllegalStateException("the model has " + outputs.size() + " outputs; need one");
    }
    String out = outputs.get(0);
    var layer = ((LayerVertex) conf.getVertices().get(out)).getLayerConf().getLayer();
    if (layer instanceof BaseOutputLayer) {
      return;
    }
    if (!(layer instanceof BaseLayer base && base.getActivationFn() instanceof ActivationSoftmax)) {
      throw new IllegalStateException(
          "the model's last layer '" + out + "' is not a softmax: input gradients need one");
    }
    base.setActivationFn(new ActivationIdentity());
    LossLayer loss =
        new LossLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .activation(new ActivationSoftmax())
            .build();
    loss.setLayerName(LOSS);
    NeuralNetConfiguration lossConf =
        ((LayerVertex) conf.getVertices().get(out)).getLayerConf().clone();
    lossConf.setLayer(loss);
    conf.getVertices().put(LOSS, new LayerVertex(lossConf, null));
    conf.getVertexInputs().put(LOSS, new ArrayList<>(List.of(out)));
    conf.setNetworkOutputs(new ArrayList<>(List.of(LOSS)));
  }
}
