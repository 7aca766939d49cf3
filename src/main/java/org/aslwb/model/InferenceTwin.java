package org.aslwb.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.ConvolutionParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Makes the inference twin of a trained network (see {@link GraphLayers}) and copies its weights,
 * folding each batch norm's running statistics into a per-channel scale and shift: {@code scale =
 * gamma / sqrt(var + eps)}, {@code shift = beta - mean * scale}. After a convolution without bias
 * (DarkNet-53's units) the map goes into the convolution itself: {@code W' = W * scale} per output
 * channel and {@code b' = shift}; elsewhere (the simple CNN's batch norm after pooling) into a 1x1
 * depthwise convolution.
 */
final class InferenceTwin {
  private InferenceTwin() {}

  static ComputationGraph of(
      ComputationGraph source, Architecture architecture, NetworkShape shape) {
    ComputationGraph twin = architecture.createTwin(shape);
    for (GraphVertex vertex : twin.getVertices()) {
      if (!vertex.hasLayer() || vertex.getLayer().numParams() == 0) {
        continue;
      }
      String name = vertex.getVertexName();
      Layer from = source.getLayer(name);
      Layer to = vertex.getLayer();
      boolean batchNorm = from != null && from.conf().getLayer() instanceof BatchNormalization;
      Layer foldedNorm = foldedBatchNorm(source, name, from, to);
      // batch norm keeps 4 values per channel (gamma, beta, mean, variance), its twin 2 (scale,
      // shift); a convolution with a folded batch norm gains a bias
      long expected =
          batchNorm
              ? to.numParams() * 2
              : foldedNorm != null ? to.numParams() - biasSize(to) : to.numParams();
      if (from == null || from.numParams() != expected) {
        // a model saved by a version whose architecture differed (say, another dense width)
        throw new IllegalStateException(
            String.format(
                "layer '%s' of the model does not match this version's %s (%s parameters, %d"
                    + " expected): retrain the model",
                name,
                architecture.displayName(),
                from == null ? "no" : Long.toString(from.numParams()),
                expected));
      }
      if (batchNorm) {
        fold(from, to);
      } else if (foldedNorm != null) {
        foldIntoConvolution(foldedNorm, from, to);
      } else {
        to.setParams(from.params().dup());
      }
    }
    return twin;
  }

  /**
   * The source's batch norm that the twin's layer {@code name} absorbs: there is one when the twin
   * has a biased convolution where the source has the same convolution without bias, followed by
   * its batch norm ({@link GraphLayers#convBatchNorm}).
   */
  private static Layer foldedBatchNorm(ComputationGraph source, String name, Layer from, Layer to) {
    if (from == null
        || !(to.conf().getLayer() instanceof ConvolutionLayer conv)
        || !conv.hasBias()
        || !(from.conf().getLayer() instanceof ConvolutionLayer original)
        || original.hasBias()) {
      return null;
    }
    Layer norm = source.getLayer(GraphLayers.batchNormAfter(name));
    return norm != null && norm.conf().getLayer() instanceof BatchNormalization ? norm : null;
  }

  private static long biasSize(Layer layer) {
    return layer.getParam(ConvolutionParamInitializer.BIAS_KEY).length();
  }

  /** Writes a batch norm's inference-mode affine map into a 1x1 depthwise convolution's weights. */
  static void fold(Layer batchNorm, Layer depthwise) {
    INDArray[] map = scaleAndShift(batchNorm);
    INDArray weights = depthwise.getParam("W");
    INDArray bias = depthwise.getParam("b");
    weights.assign(map[0].reshape(weights.shape()));
    bias.assign(map[1].reshape(bias.shape()));
  }

  /**
   * Scales each output channel of {@code from}'s kernel by the batch norm's scale; its shift is the
   * bias.
   */
  private static void foldIntoConvolution(Layer batchNorm, Layer from, Layer to) {
    INDArray[] map = scaleAndShift(batchNorm);
    INDArray source = from.getParam(ConvolutionParamInitializer.WEIGHT_KEY);
    INDArray weights = to.getParam(ConvolutionParamInitializer.WEIGHT_KEY);
    // DL4J keeps convolution weights as [out, in, kH, kW]: one row per output channel
    INDArray rows = source.dup('c').reshape('c', source.size(0), -1);
    weights.assign(rows.mulColumnVector(map[0].reshape(-1, 1)).reshape('c', weights.shape()));
    INDArray bias = to.getParam(ConvolutionParamInitializer.BIAS_KEY);
    bias.assign(map[1].reshape(bias.shape()));
  }

  /** {@code {scale, shift}} of a batch norm's inference-mode affine map, one value per channel. */
  private static INDArray[] scaleAndShift(Layer batchNorm) {
    double eps = ((BatchNormalization) batchNorm.conf().getLayer()).getEps();
    INDArray gamma = batchNorm.getParam(BatchNormalizationParamInitializer.GAMMA).reshape(-1);
    INDArray beta = batchNorm.getParam(BatchNormalizationParamInitializer.BETA).reshape(-1);
    INDArray mean = batchNorm.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).reshape(-1);
    INDArray var = batchNorm.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).reshape(-1);
    INDArray scale = gamma.div(Transforms.sqrt(var.add(eps), true));
    INDArray shift = beta.sub(mean.mul(scale));
    return new INDArray[] {scale, shift};
  }
}
