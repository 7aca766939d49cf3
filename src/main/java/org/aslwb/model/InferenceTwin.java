package org.aslwb.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Makes the inference twin of a trained network (see {@link GraphLayers}) and copies its weights,
 * folding each batch norm's running statistics into a per-channel scale and shift: {@code scale =
 * gamma / sqrt(var + eps)}, {@code shift = beta - mean * scale}.
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
      boolean batchNorm =
          from != null
              && from.conf().getLayer()
                  instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization;
      // batch norm keeps 4 values per channel (gamma, beta, mean, variance), its twin 2 (scale,
      // shift)
      long expected = batchNorm ? to.numParams() * 2 : to.numParams();
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
      } else {
        to.setParams(from.params().dup());
      }
    }
    return twin;
  }

  /** Writes a batch norm's inference-mode affine map into a 1x1 depthwise convolution's weights. */
  static void fold(Layer batchNorm, Layer depthwise) {
    double eps =
        ((org.deeplearning4j.nn.conf.layers.BatchNormalization) batchNorm.conf().getLayer())
            .getEps();
    INDArray gamma = batchNorm.getParam(BatchNormalizationParamInitializer.GAMMA).reshape(-1);
    INDArray beta = batchNorm.getParam(BatchNormalizationParamInitializer.BETA).reshape(-1);
    INDArray mean = batchNorm.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).reshape(-1);
    INDArray var = batchNorm.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).reshape(-1);
    INDArray scale = gamma.div(Transforms.sqrt(var.add(eps), true));
    INDArray shift = beta.sub(mean.mul(scale));
    INDArray weights = depthwise.getParam("W");
    INDArray bias = depthwise.getParam("b");
    weights.assign(scale.reshape(weights.shape()));
    bias.assign(shift.reshape(bias.shape()));
  }
}
