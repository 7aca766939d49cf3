package org.aslwb.model;

import static org.bytedeco.dnnl.global.dnnl.*;

import java.util.ArrayList;
import java.util.List;
import org.aslwb.model.Onednn.Session;
import org.aslwb.model.Onednn.Step;
import org.aslwb.model.Onednn.Tensor;
import org.aslwb.model.OnednnNetwork.Plan;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The layers an {@link OnednnNetwork} is made of, and our two architectures' twins in them: each
 * layer adds its forward primitives to a plan and, on demand, those of its input gradient.
 */
final class OnednnLayers {
  private OnednnLayers() {}

  /** Primitives and buffers being built for one batch size: a forward and a backward pass. */
  interface Pass {
    Session session();

    /** The activations' layout. */
    int layout();

    /** Adds a step to the forward pass. */
    void forwardStep(Step step);

    /** Adds a step to the backward pass. */
    void backwardStep(Step step);
  }

  /**
   * A layer: weights and geometry, no batch size; {@code P} is the kind of pass it can be built
   * into (inference layers read weights from the network's cache, training layers from their
   * parameters).
   */
  interface Layer<P extends Pass> {
    /** Whether its output channels fill a channel block of {@code block}. */
    boolean channelsFill(int block);

    /** Adds the layer's forward pass on {@code src} to {@code pass}. */
    Built build(P pass, Tensor src);
  }

  /** A layer built into a plan. */
  interface Built {
    Tensor output();

    /**
     * Adds the layer's input gradient (and, in training, its weights' gradients) to the backward
     * pass.
     *
     * @param diffSrc the layout of the gradient to return, or null for the input's own
     * @return the input gradient; null for a training network's first layer, which needs none
     */
    Tensor backward(Tensor diffDst, dnnl_memory_desc_t diffSrc);

    /**
     * A built layer whose output is {@code output} and whose backward pass {@code backward} adds.
     */
    static Built of(Tensor output, Gradient backward) {
      return new Built() {
        @Override
        public Tensor output() {
          return output;
        }

        @Override
        public Tensor backward(Tensor diffDst, dnnl_memory_desc_t diffSrc) {
          return backward.add(diffDst, diffSrc);
        }
      };
    }
  }

  /** What {@link Built#backward} does, as a lambda. */
  interface Gradient {
    Tensor add(Tensor diffDst, dnnl_memory_desc_t diffSrc);
  }

  /** DarkNet-53's twin: convolutions with their leaky ReLU, residual sums, then pooling in Java. */
  static OnednnNetwork darkNet53(ComputationGraph twin, NetworkShape shape, int block) {
    List<Layer<? super Plan>> layers = new ArrayList<>();
    float leak = (float) DarkNet53.LEAK;
    layers.add(Conv.of(twin, "stem_conv", 1, leak));
    for (int stage = 0; stage < DarkNet53.BLOCKS.length; stage++) {
      layers.add(Conv.of(twin, "s" + (stage + 1) + "_down_conv", 2, leak));
      for (int b = 0; b < DarkNet53.BLOCKS[stage]; b++) {
        String name = "s" + (stage + 1) + "_b" + (b + 1);
        layers.add(
            new Residual<Plan>(
                List.<Layer<? super Plan>>of(
                    Conv.of(twin, name + "_a_conv", 1, leak),
                    Conv.of(twin, name + "_b_conv", 1, leak))));
      }
    }
    Linear output = Linear.of(twin, "output");
    return OnednnNetwork.create(
        shape, layers, new AveragePoolThen(output), output.classes(), block);
  }

  /**
   * The simple CNN's twin: three convolutions with ReLU and max pooling, the batch norm folded into
   * the dense layer (a per-channel affine map before a linear layer is a linear layer), the dense
   * layer with its ReLU; the output layer in Java.
   */
  static OnednnNetwork simpleCnn(ComputationGraph twin, NetworkShape shape, int block) {
    List<Layer<? super Plan>> layers = new ArrayList<>();
    long h = shape.height();
    long w = shape.width();
    for (int i = 1; i <= 3; i++) {
      layers.add(Conv.of(twin, "conv" + i, 1, 0f));
      layers.add(new MaxPool(2));
      h /= 2; // 'same' convolutions, then 2x2 pooling that drops an odd last row
      w /= 2;
    }
    layers.add(Dense.foldingBatchNorm(twin, "bn", "dense", h * w));
    Linear output = Linear.of(twin, "output");
    return OnednnNetwork.create(shape, layers, output, output.classes(), block);
  }

  /** 'Same' padding as DL4J computes it: the odd pixel goes to the bottom and right. */
  static long[][] samePadding(long inH, long inW, int kernel, int stride) {
    long outH = (inH + stride - 1) / stride;
    long outW = (inW + stride - 1) / stride;
    long totalH = Math.max(0, (outH - 1) * stride + kernel - inH);
    long totalW = Math.max(0, (outW - 1) * stride + kernel - inW);
    return new long[][] {
      {outH, outW}, {totalH / 2, totalW / 2}, {totalH - totalH / 2, totalW - totalW / 2}
    };
  }

  private static float[] floats(INDArray array) {
    return Tensors.toFloats(array.dup('c'));
  }

  /** The gradient of a (leaky) ReLU's input from its output's, computed from the output. */
  static Tensor reluBackward(Pass plan, Tensor dst, Tensor diffDst, float alpha) {
    Session s = plan.session();
    Tensor diffPre = s.tensor(dst.desc);
    plan.backwardStep(
        s.step(
            s.leakyReluBackward(dst.desc, alpha),
            new int[] {DNNL_ARG_DST, DNNL_ARG_DIFF_DST, DNNL_ARG_DIFF_SRC},
            dst,
            diffDst,
            diffPre));
    return diffPre;
  }

  /** The forward step of a layer with weights and a bias ({@code pd}); returns its output. */
  private static Tensor weightedForward(
      Plan plan, dnnl_primitive_desc pd, Tensor src, Tensor weights, float[] bias) {
    Session s = plan.session;
    Tensor b = s.tensor(new long[] {bias.length}, dnnl_x);
    b.write(bias);
    Tensor dst = s.tensor(Session.query(pd, dnnl_query_dst_md));
    plan.forward.add(
        s.step(
            pd,
            new int[] {DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_BIAS, DNNL_ARG_DST},
            src,
            weights,
            b,
            dst));
    return dst;
  }

  /** The backward-data step ({@code back}) of a layer with weights, into {@code result}. */
  private static Tensor backwardDataStep(
      Plan plan, dnnl_primitive_desc back, Tensor diffPre, Tensor weights, Tensor result) {
    plan.backwardStep(
        plan.session.step(
            back,
            new int[] {DNNL_ARG_DIFF_DST, DNNL_ARG_WEIGHTS, DNNL_ARG_DIFF_SRC},
            diffPre,
            weights,
            result));
    return result;
  }

  /** A 'same'-padded convolution with bias, then a ReLU of slope {@code alpha}. */
  record Conv(INDArray weights, INDArray bias, int stride, float alpha) implements Layer<Plan> {
    /** The twin's layer {@code name}: DL4J keeps its weights as [out, in, kH, kW]. */
    static Conv of(ComputationGraph twin, String name, int stride, float alpha) {
      var layer = twin.getLayer(name);
      return new Conv(layer.getParam("W"), layer.getParam("b"), stride, alpha);
    }

    long[] weightDims() {
      return weights.shape();
    }

    @Override
    public boolean channelsFill(int block) {
      return weights.size(0) % block == 0;
    }

    @Override
    public Built build(Plan plan, Tensor src) {
      Session s = plan.session;
      long[] in = OnednnNetwork.dims(src);
      int kernel = (int) weights.size(2);
      long[][] pad = samePadding(in[2], in[3], kernel, stride);
      long[] strides = {stride, stride};
      long out = weights.size(0);
      dnnl_primitive_desc pd =
          s.convolution(
              src.desc,
              Session.desc(weightDims(), dnnl_format_tag_any),
              Session.desc(new long[] {out}, dnnl_x),
              Session.desc(new long[] {plan.n, out, pad[0][0], pad[0][1]}, plan.layout()),
              strides,
              pad[1],
              pad[2],
              alpha);
      Tensor dst =
          weightedForward(
              plan,
              pd,
              src,
              weightsIn(plan, Session.query(pd, dnnl_query_weights_md)),
              floats(bias));
      java.util.function.BiFunction<dnnl_memory_desc_t, Tensor, dnnl_primitive_desc> backwardData =
          (srcDesc, diffPre) ->
              s.convolutionBackwardData(
                  srcDesc,
                  Session.desc(weightDims(), dnnl_format_tag_any),
                  diffPre.desc,
                  strides,
                  pad[1],
                  pad[2],
                  pd);
      return Built.of(
          dst,
          (diffDst, diffSrc) -> {
            Tensor diffPre = reluBackward(plan, dst, diffDst, alpha);
            dnnl_memory_desc_t srcDesc = diffSrc != null ? diffSrc : src.desc;
            dnnl_primitive_desc back = backwardData.apply(srcDesc, diffPre);
            if (!Session.isReference(back)) {
              return backwardStep(plan, back, diffPre, s.tensor(srcDesc));
            }
            // the first layer's gradient in the picture's plain layout (3 channels) has no fast
            // kernel: oneDNN writes its own layout, then a reorder
            back =
                backwardData.apply(
                    Session.desc(OnednnNetwork.dims(src), dnnl_format_tag_any), diffPre);
            Tensor own =
                backwardStep(
                    plan, back, diffPre, s.tensor(Session.query(back, dnnl_query_diff_src_md)));
            Tensor result = s.tensor(srcDesc);
            plan.backwardStep(s.reorder(own, result));
            return result;
          });
    }

    private Tensor backwardStep(
        Plan plan, dnnl_primitive_desc back, Tensor diffPre, Tensor result) {
      return backwardDataStep(
          plan, back, diffPre, weightsIn(plan, Session.query(back, dnnl_query_weights_md)), result);
    }

    private Tensor weightsIn(Plan plan, dnnl_memory_desc_t desc) {
      return plan.network().weights(this, weightDims(), dnnl_oihw, () -> floats(weights), desc);
    }
  }

  /** {@code x + branch(x)}: DarkNet's shortcut, no activation after the sum. */
  record Residual<P extends Pass>(List<Layer<? super P>> branch) implements Layer<P> {
    @Override
    public boolean channelsFill(int block) {
      return branch.stream().allMatch(l -> l.channelsFill(block));
    }

    @Override
    public Built build(P plan, Tensor src) {
      Session s = plan.session();
      List<Built> built = new ArrayList<>();
      Tensor x = src;
      for (Layer<? super P> layer : branch) {
        Built b = layer.build(plan, x);
        built.add(b);
        x = b.output();
      }
      // a new tensor, not the input's: the layers before keep their outputs for the backward pass
      Tensor sum = s.tensor(src.desc);
      plan.forwardStep(s.add(src, x, sum));
      return Built.of(
          sum,
          (diffDst, diffSrc) -> {
            Tensor g = diffDst;
            for (int i = built.size() - 1; i >= 0; i--) {
              g = built.get(i).backward(g, null);
            }
            Tensor total = s.tensor(diffDst.desc);
            plan.backwardStep(s.add(diffDst, g, total));
            if (diffSrc == null || Session.same(diffSrc, total.desc)) {
              return total;
            }
            Tensor result = s.tensor(diffSrc); // a residual first in the network
            plan.backwardStep(s.reorder(total, result));
            return result;
          });
    }
  }

  /** Max pooling over {@code size} x {@code size} windows, stride {@code size}, no padding. */
  record MaxPool(int size) implements Layer<Pass> {
    @Override
    public boolean channelsFill(int block) {
      return true; // its channels are the convolution's before it
    }

    @Override
    public Built build(Pass plan, Tensor src) {
      Session s = plan.session();
      long[] in = OnednnNetwork.dims(src);
      long[] kernel = {size, size};
      dnnl_memory_desc_t dstDesc =
          Session.desc(
              new long[] {in[0], in[1], (in[2] - size) / size + 1, (in[3] - size) / size + 1},
              plan.layout());
      dnnl_primitive_desc pd = s.maxPooling(src.desc, dstDesc, kernel, kernel);
      Tensor dst = s.tensor(Session.query(pd, dnnl_query_dst_md));
      Tensor workspace = s.tensor(Session.query(pd, dnnl_query_workspace_md));
      plan.forwardStep(
          s.step(
              pd, new int[] {DNNL_ARG_SRC, DNNL_ARG_DST, DNNL_ARG_WORKSPACE}, src, dst, workspace));
      return Built.of(
          dst,
          (diffDst, diffSrc) -> {
            dnnl_memory_desc_t srcDesc = diffSrc != null ? diffSrc : src.desc;
            dnnl_primitive_desc back =
                s.maxPoolingBackward(srcDesc, diffDst.desc, kernel, kernel, pd);
            Tensor result = s.tensor(srcDesc);
            plan.backwardStep(
                s.step(
                    back,
                    new int[] {DNNL_ARG_DIFF_DST, DNNL_ARG_WORKSPACE, DNNL_ARG_DIFF_SRC},
                    diffDst,
                    workspace,
                    result));
            return result;
          });
    }
  }

  /**
   * A fully connected layer with a ReLU, on a 4-dimensional input flattened channel by channel;
   * {@code weights} are [out][channels][height][width], row-major.
   */
  record Dense(float[] weights, float[] bias, int out) implements Layer<Plan> {
    /**
     * The twin's dense layer {@code dense} with the per-channel affine map of its depthwise layer
     * {@code norm} (the folded batch norm) before it folded in: {@code W'[j][c][p] = scale[c] *
     * W[c*plane + p][j]}, {@code b'[j] = b[j] + sum over c, p of shift[c] * W[c*plane + p][j]}.
     */
    static Dense foldingBatchNorm(ComputationGraph twin, String norm, String dense, long plane) {
      float[] scale = floats(twin.getLayer(norm).getParam("W").reshape(-1));
      float[] shift = floats(twin.getLayer(norm).getParam("b").reshape(-1));
      INDArray w = twin.getLayer(dense).getParam("W"); // [in, out]
      float[] dl4j = floats(w);
      float[] b = floats(twin.getLayer(dense).getParam("b"));
      int in = (int) w.size(0);
      int out = (int) w.size(1);
      if (in != scale.length * plane) {
        throw new IllegalStateException("the dense layer does not follow the batch norm");
      }
      float[] folded = new float[out * in];
      double[] bias = new double[out];
      for (int j = 0; j < out; j++) {
        bias[j] = b[j];
      }
      for (int i = 0; i < in; i++) {
        int c = (int) (i / plane);
        for (int j = 0; j < out; j++) {
          float v = dl4j[i * out + j];
          folded[j * in + i] = scale[c] * v;
          bias[j] += (double) shift[c] * v;
        }
      }
      float[] foldedBias = new float[out];
      for (int j = 0; j < out; j++) {
        foldedBias[j] = (float) bias[j];
      }
      return new Dense(folded, foldedBias, out);
    }

    @Override
    public boolean channelsFill(int block) {
      return true; // its output is flat
    }

    @Override
    public Built build(Plan plan, Tensor src) {
      Session s = plan.session;
      long[] in = OnednnNetwork.dims(src);
      long[] weightDims = {out, in[1], in[2], in[3]};
      dnnl_primitive_desc pd =
          s.innerProduct(
              src.desc,
              Session.desc(weightDims, dnnl_format_tag_any),
              Session.desc(new long[] {out}, dnnl_x),
              Session.desc(new long[] {in[0], out}, dnnl_nc));
      Tensor dst =
          weightedForward(
              plan,
              pd,
              src,
              weightsIn(plan, weightDims, Session.query(pd, dnnl_query_weights_md)),
              bias);
      return Built.of(
          dst,
          (diffDst, diffSrc) -> {
            Tensor diffPre = reluBackward(plan, dst, diffDst, 0f);
            dnnl_memory_desc_t srcDesc = diffSrc != null ? diffSrc : src.desc;
            dnnl_primitive_desc back =
                s.innerProductBackwardData(
                    srcDesc, Session.desc(weightDims, dnnl_format_tag_any), diffPre.desc, pd);
            return backwardDataStep(
                plan,
                back,
                diffPre,
                weightsIn(plan, weightDims, Session.query(back, dnnl_query_weights_md)),
                s.tensor(srcDesc));
          });
    }

    private Tensor weightsIn(Plan plan, long[] dims, dnnl_memory_desc_t desc) {
      return plan.network().weights(this, dims, dnnl_oihw, () -> weights, desc);
    }
  }

  /** The output layer in Java: {@code logits = x . W + b}, W as DL4J keeps it, [in, classes]. */
  record Linear(float[] weights, float[] bias, int features, int classes)
      implements OnednnNetwork.Head {
    static Linear of(ComputationGraph twin, String name) {
      INDArray w = twin.getLayer(name).getParam("W");
      return new Linear(
          floats(w), floats(twin.getLayer(name).getParam("b")), (int) w.size(0), (int) w.size(1));
    }

    @Override
    public float[] logits(float[] x, int n) {
      float[] z = new float[n * classes];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < classes; k++) {
          z[i * classes + k] = bias[k];
        }
        for (int c = 0; c < features; c++) {
          float v = x[i * features + c];
          for (int k = 0; k < classes; k++) {
            z[i * classes + k] += v * weights[c * classes + k];
          }
        }
      }
      return z;
    }

    @Override
    public float[] backward(float[] dLogits, int n, int outputSize) {
      float[] dx = new float[n * features];
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < features; c++) {
          float sum = 0;
          for (int k = 0; k < classes; k++) {
            sum += dLogits[i * classes + k] * weights[c * classes + k];
          }
          dx[i * features + c] = sum;
        }
      }
      return dx;
    }
  }

  /** Global average pooling of [n, channels, h, w] maps, then the classifier. */
  record AveragePoolThen(Linear classifier) implements OnednnNetwork.Head {
    @Override
    public float[] logits(float[] maps, int n) {
      return classifier.logits(averagePool(maps, maps.length / (n * classifier.features())), n);
    }

    /** The mean of each run of {@code plane} values (a channel's map). */
    static float[] averagePool(float[] maps, int plane) {
      float[] pooled = new float[maps.length / plane];
      for (int i = 0; i < pooled.length; i++) {
        float sum = 0;
        for (int k = 0; k < plane; k++) {
          sum += maps[i * plane + k];
        }
        pooled[i] = sum / plane;
      }
      return pooled;
    }

    @Override
    public float[] backward(float[] dLogits, int n, int outputSize) {
      float[] dPooled = classifier.backward(dLogits, n, n * classifier.features());
      int plane = outputSize / dPooled.length;
      float[] dMaps = new float[dPooled.length * plane];
      for (int i = 0; i < dPooled.length; i++) {
        java.util.Arrays.fill(dMaps, i * plane, (i + 1) * plane, dPooled[i] / plane);
      }
      return dMaps;
    }
  }
}
