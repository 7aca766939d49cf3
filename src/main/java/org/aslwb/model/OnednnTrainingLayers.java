package org.aslwb.model;

import static org.bytedeco.dnnl.global.dnnl.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.aslwb.model.Onednn.Session;
import org.aslwb.model.Onednn.Tensor;
import org.aslwb.model.OnednnLayers.Built;
import org.aslwb.model.OnednnLayers.Layer;
import org.aslwb.model.OnednnTraining.Param;
import org.aslwb.model.OnednnTraining.Plan;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The layers {@link OnednnTraining} is made of, and our two architectures in them: the training
 * networks themselves (batch norm with the batch's statistics, dropout), not their inference twins.
 * Pooling and residual sums are {@link OnednnLayers}' own.
 */
final class OnednnTrainingLayers {
  private OnednnTrainingLayers() {}

  /** A network to train: its oneDNN layers, its Java head, what Adam updates, what averages. */
  record Network(
      List<Layer<? super Plan>> layers,
      OnednnTraining.Head head,
      List<Param> params,
      List<RunningStatistics> statistics,
      Session masters,
      long[] inputDims) {}

  /** Whether a DL4J parameter is a batch-norm running statistic (no gradient, no updater). */
  static boolean isStatistic(String param) {
    return param.equals("mean") || param.equals("var") || param.equals("log10stdev");
  }

  /** Collects a network's parameters while its layers are made. */
  private static final class Maker {
    final ComputationGraph net;
    final Session masters;
    final List<Param> params = new ArrayList<>();
    final List<RunningStatistics> statistics = new ArrayList<>();

    Maker(ComputationGraph net, Session masters) {
      this.net = net;
      this.masters = masters;
    }

    Param param(String layer, String name, boolean transposed, long[] dims, boolean native_) {
      Param p = new Param(net, layer, name, transposed, dims, native_ ? masters : null);
      params.add(p);
      return p;
    }

    Param vector(String layer, String name) {
      return param(
          layer, name, false, new long[] {net.getLayer(layer).getParam(name).length()}, true);
    }

    Conv conv(String layer, int stride, boolean bias, boolean relu, boolean first) {
      Param w = param(layer, "W", false, net.getLayer(layer).getParam("W").shape(), true);
      return new Conv(w, bias ? vector(layer, "b") : null, stride, relu, first);
    }

    BatchNorm batchNorm(String layer) {
      if (!(net.getLayer(layer).conf().getLayer() instanceof BatchNormalization conf)
          || conf.isUseLogStd()
          || conf.isLockGammaBeta()) {
        throw new IllegalStateException(layer + " is not a batch norm with a plain variance");
      }
      RunningStatistics stats =
          new RunningStatistics(
              net.getLayer(layer).getParam("mean"),
              net.getLayer(layer).getParam("var"),
              (float) conf.getDecay());
      statistics.add(stats);
      return new BatchNorm(
          vector(layer, "gamma"), vector(layer, "beta"), stats, (float) conf.getEps());
    }

    /** The softmax output layer in Java, after dropout of the rate DL4J would apply. */
    SoftmaxHead head(String layer, boolean pool) {
      INDArray w = net.getLayer(layer).getParam("W");
      IDropout drop = net.getLayer(layer).conf().getLayer().getIDropout();
      double keep = 1;
      if (drop instanceof Dropout d && d.getPSchedule() == null) {
        keep = d.getP();
      } else if (drop != null) {
        throw new IllegalStateException(layer + " has dropout of a kind not trained here");
      }
      return new SoftmaxHead(
          param(layer, "W", false, w.shape(), false),
          param(layer, "b", false, new long[] {w.size(1)}, false),
          (int) w.size(0),
          (int) w.size(1),
          keep,
          pool);
    }

    Network network(List<Layer<? super Plan>> layers, SoftmaxHead head, NetworkShape shape) {
      return new Network(
          layers,
          head,
          params,
          statistics,
          masters,
          new long[] {shape.channels(), shape.height(), shape.width()});
    }
  }

  /** The simple CNN: convolutions with ReLU and pooling, batch norm, dense with ReLU, dropout. */
  static Network simpleCnn(ComputationGraph net, NetworkShape shape, Session masters) {
    Maker make = new Maker(net, masters);
    List<Layer<? super Plan>> layers = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      layers.add(make.conv("conv" + i, 1, true, true, i == 1));
      layers.add(new OnednnLayers.MaxPool(2));
    }
    layers.add(make.batchNorm("bn"));
    INDArray w = net.getLayer("dense").getParam("W"); // [in, out]
    // three 'same' convolutions, each followed by 2x2 pooling that drops an odd last row
    long[] dims = {
      w.size(1),
      net.getLayer("bn").getParam("gamma").length(),
      shape.height() / 8,
      shape.width() / 8
    };
    if (dims[1] * dims[2] * dims[3] != w.size(0)) {
      throw new IllegalStateException("the dense layer does not follow the batch norm's maps");
    }
    layers.add(new Dense(make.param("dense", "W", true, dims, true), make.vector("dense", "b")));
    return make.network(layers, make.head("output", false), shape);
  }

  /** DarkNet-53: convolution, batch norm and leaky ReLU units, residual sums, pooling. */
  static Network darkNet53(ComputationGraph net, NetworkShape shape, Session masters) {
    Maker make = new Maker(net, masters);
    List<Layer<? super Plan>> layers = new ArrayList<>(unit(make, "stem", 1, true));
    for (int stage = 0; stage < DarkNet53.BLOCKS.length; stage++) {
      layers.addAll(unit(make, "s" + (stage + 1) + "_down", 2, false));
      for (int b = 0; b < DarkNet53.BLOCKS[stage]; b++) {
        String name = "s" + (stage + 1) + "_b" + (b + 1);
        List<Layer<? super Plan>> branch = new ArrayList<>(unit(make, name + "_a", 1, false));
        branch.addAll(unit(make, name + "_b", 1, false));
        layers.add(new OnednnLayers.Residual<Plan>(branch));
      }
    }
    return make.network(layers, make.head("output", true), shape);
  }

  private static List<Layer<? super Plan>> unit(
      Maker make, String name, int stride, boolean first) {
    return List.of(
        make.conv(name + "_conv", stride, false, false, first),
        make.batchNorm(name + "_bn"),
        new LeakyRelu((float) DarkNet53.LEAK));
  }

  /**
   * A batch norm's running mean and variance, updated from each batch's as DL4J does: {@code
   * average = decay * average + (1 - decay) * batch}.
   */
  static final class RunningStatistics {
    private final INDArray meanView;
    private final INDArray varView;
    private final float decay;
    private final float[] mean;
    private final float[] var;
    private final float[] batch;

    RunningStatistics(INDArray meanView, INDArray varView, float decay) {
      this.meanView = meanView;
      this.varView = varView;
      this.decay = decay;
      this.mean = Tensors.toFloats(meanView);
      this.var = Tensors.toFloats(varView);
      this.batch = new float[mean.length];
    }

    void update(Tensor batchMean, Tensor batchVar) {
      average(batchMean, mean);
      average(batchVar, var);
    }

    private void average(Tensor from, float[] into) {
      from.read(batch);
      for (int c = 0; c < into.length; c++) {
        into[c] = decay * into[c] + (1 - decay) * batch[c];
      }
    }

    void writeBack() {
      meanView.assign(Tensors.fromFloats(mean, meanView.shape()));
      varView.assign(Tensors.fromFloats(var, varView.shape()));
    }
  }

  /**
   * A 'same'-padded convolution, with a bias and a ReLU after it or neither; the first layer
   * computes no input gradient.
   */
  record Conv(Param weights, Param bias, int stride, boolean relu, boolean first)
      implements Layer<Plan> {
    @Override
    public boolean channelsFill(int block) {
      return weights.dims[0] % block == 0;
    }

    @Override
    public Built build(Plan plan, Tensor src) {
      Session s = plan.session();
      long[] in = OnednnNetwork.dims(src);
      long[][] pad = OnednnLayers.samePadding(in[2], in[3], (int) weights.dims[2], stride);
      long[] strides = {stride, stride};
      long out = weights.dims[0];
      dnnl_memory_desc_t anyWeights = Session.desc(weights.dims, dnnl_format_tag_any);
      dnnl_memory_desc_t biasDesc = bias == null ? null : bias.master.desc;
      dnnl_memory_desc_t dstDesc =
          Session.desc(new long[] {plan.images(), out, pad[0][0], pad[0][1]}, plan.layout());
      dnnl_primitive_desc pd =
          relu
              ? s.convolution(src.desc, anyWeights, biasDesc, dstDesc, strides, pad[1], pad[2], 0f)
              : s.convolution(src.desc, anyWeights, biasDesc, dstDesc, strides, pad[1], pad[2]);
      Tensor dst = weightedForward(plan, pd, src, weights, bias);
      return Built.of(
          dst,
          (diffDst, diffSrc) -> {
            Tensor diffPre = relu ? OnednnLayers.reluBackward(plan, dst, diffDst, 0f) : diffDst;
            dnnl_primitive_desc bw =
                s.convolutionBackwardWeights(
                    src.desc, anyWeights, biasDesc, diffPre.desc, strides, pad[1], pad[2], pd);
            weightGradients(plan, bw, src, diffPre, weights, bias);
            if (first) {
              return null;
            }
            dnnl_primitive_desc bd =
                s.convolutionBackwardData(
                    diffSrc != null ? diffSrc : src.desc,
                    anyWeights,
                    diffPre.desc,
                    strides,
                    pad[1],
                    pad[2],
                    pd);
            return backwardData(plan, bd, diffPre, weights);
          });
    }
  }

  /** The forward step of a layer with weights and, unless null, a bias; returns its output. */
  private static Tensor weightedForward(
      Plan plan, dnnl_primitive_desc pd, Tensor src, Param weights, Param bias) {
    Session s = plan.session();
    Tensor w = weights.in(plan, Session.query(pd, dnnl_query_weights_md));
    Tensor dst = s.tensor(Session.query(pd, dnnl_query_dst_md));
    plan.forwardStep(
        bias == null
            ? s.step(pd, new int[] {DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_DST}, src, w, dst)
            : s.step(
                pd,
                new int[] {DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_BIAS, DNNL_ARG_DST},
                src,
                w,
                bias.master,
                dst));
    return dst;
  }

  /** A backward-weights step ({@code bw}) writing into the parameters' gradients. */
  private static void weightGradients(
      Plan plan, dnnl_primitive_desc bw, Tensor src, Tensor diffPre, Param weights, Param bias) {
    Session s = plan.session();
    Tensor dw = weights.gradientIn(plan, Session.query(bw, dnnl_query_diff_weights_md));
    if (bias == null) {
      plan.backwardStep(
          s.step(
              bw,
              new int[] {DNNL_ARG_SRC, DNNL_ARG_DIFF_DST, DNNL_ARG_DIFF_WEIGHTS},
              src,
              diffPre,
              dw));
    } else {
      Tensor db = bias.gradientIn(plan, Session.query(bw, dnnl_query_diff_weights_md, 1));
      plan.backwardStep(
          s.step(
              bw,
              new int[] {
                DNNL_ARG_SRC, DNNL_ARG_DIFF_DST, DNNL_ARG_DIFF_WEIGHTS, DNNL_ARG_DIFF_BIAS
              },
              src,
              diffPre,
              dw,
              db));
      bias.collect(plan, db);
    }
    weights.collect(plan, dw);
  }

  /** A backward-data step ({@code bd}): the input gradient from the output's. */
  private static Tensor backwardData(
      Plan plan, dnnl_primitive_desc bd, Tensor diffPre, Param weights) {
    Session s = plan.session();
    Tensor w = weights.in(plan, Session.query(bd, dnnl_query_weights_md));
    Tensor result = s.tensor(Session.query(bd, dnnl_query_diff_src_md));
    plan.backwardStep(
        s.step(
            bd,
            new int[] {DNNL_ARG_DIFF_DST, DNNL_ARG_WEIGHTS, DNNL_ARG_DIFF_SRC},
            diffPre,
            w,
            result));
    return result;
  }

  /**
   * Batch normalisation with the batch's statistics, a scale and a shift; the running averages
   * follow each step.
   */
  record BatchNorm(Param gamma, Param beta, RunningStatistics stats, float epsilon)
      implements Layer<Plan> {
    @Override
    public boolean channelsFill(int block) {
      return true; // the convolution's before it decides
    }

    @Override
    public Built build(Plan plan, Tensor src) {
      Session s = plan.session();
      dnnl_primitive_desc pd = s.batchNormTraining(src.desc, epsilon);
      Tensor dst = s.tensor(Session.query(pd, dnnl_query_dst_md));
      Tensor mean = s.tensor(gamma.master.desc);
      Tensor var = s.tensor(gamma.master.desc);
      plan.forwardStep(
          s.step(
              pd,
              new int[] {
                DNNL_ARG_SRC,
                DNNL_ARG_SCALE,
                DNNL_ARG_SHIFT,
                DNNL_ARG_DST,
                DNNL_ARG_MEAN,
                DNNL_ARG_VARIANCE
              },
              src,
              gamma.master,
              beta.master,
              dst,
              mean,
              var));
      plan.afterStep(() -> stats.update(mean, var));
      return Built.of(
          dst,
          (diffDst, diffSrc) -> {
            dnnl_primitive_desc bd = s.batchNormBackward(src.desc, epsilon, pd);
            Tensor result = s.tensor(src.desc);
            plan.backwardStep(
                s.step(
                    bd,
                    new int[] {
                      DNNL_ARG_SRC,
                      DNNL_ARG_MEAN,
                      DNNL_ARG_VARIANCE,
                      DNNL_ARG_DIFF_DST,
                      DNNL_ARG_SCALE,
                      DNNL_ARG_SHIFT,
                      DNNL_ARG_DIFF_SRC,
                      DNNL_ARG_DIFF_SCALE,
                      DNNL_ARG_DIFF_SHIFT
                    },
                    src,
                    mean,
                    var,
                    diffDst,
                    gamma.master,
                    beta.master,
                    result,
                    gamma.diff,
                    beta.diff));
            return result;
          });
    }
  }

  /** A leaky ReLU on its own (after a batch norm). */
  record LeakyRelu(float alpha) implements Layer<OnednnLayers.Pass> {
    @Override
    public boolean channelsFill(int block) {
      return true;
    }

    @Override
    public Built build(OnednnLayers.Pass plan, Tensor src) {
      Session s = plan.session();
      dnnl_primitive_desc pd = s.leakyRelu(src.desc, alpha);
      Tensor dst = s.tensor(src.desc);
      plan.forwardStep(s.step(pd, new int[] {DNNL_ARG_SRC, DNNL_ARG_DST}, src, dst));
      return Built.of(
          dst,
          (diffDst, diffSrc) -> {
            return OnednnLayers.reluBackward(plan, dst, diffDst, alpha);
          });
    }
  }

  /**
   * A fully connected layer with a ReLU on a 4-dimensional input flattened channel by channel; its
   * weights' plain layout is [out][channels][height][width].
   */
  record Dense(Param weights, Param bias) implements Layer<Plan> {
    @Override
    public boolean channelsFill(int block) {
      return true;
    }

    @Override
    public Built build(Plan plan, Tensor src) {
      Session s = plan.session();
      long out = weights.dims[0];
      dnnl_memory_desc_t anyWeights = Session.desc(weights.dims, dnnl_format_tag_any);
      dnnl_primitive_desc pd =
          s.innerProduct(
              src.desc,
              anyWeights,
              bias.master.desc,
              Session.desc(new long[] {plan.images(), out}, dnnl_nc));
      Tensor dst = weightedForward(plan, pd, src, weights, bias);
      return Built.of(
          dst,
          (diffDst, diffSrc) -> {
            Tensor diffPre = OnednnLayers.reluBackward(plan, dst, diffDst, 0f);
            weightGradients(
                plan,
                s.innerProductBackwardWeights(
                    src.desc, anyWeights, bias.master.desc, diffPre.desc, pd),
                src,
                diffPre,
                weights,
                bias);
            return backwardData(
                plan,
                s.innerProductBackwardData(
                    diffSrc != null ? diffSrc : src.desc, anyWeights, diffPre.desc, pd),
                diffPre,
                weights);
          });
    }
  }

  /**
   * The output layer in Java: optional global average pooling of the last maps, inverted dropout
   * keeping each feature with probability {@code keep}, {@code logits = x . W + b}, softmax and
   * cross-entropy.
   */
  record SoftmaxHead(
      Param weights, Param bias, int features, int classes, double keep, boolean pool)
      implements OnednnTraining.Head {
    @Override
    public double lossAndGradients(
        float[] last, float[] labels, int n, float[] dLast, Random dropout) {
      int plane = last.length / (n * features);
      float[] x = pool ? OnednnLayers.AveragePoolThen.averagePool(last, plane) : last.clone();
      float[] mask = null;
      if (keep < 1) {
        mask = new float[x.length];
        float scale = (float) (1 / keep);
        for (int i = 0; i < x.length; i++) {
          mask[i] = dropout.nextDouble() < keep ? scale : 0f;
          x[i] *= mask[i];
        }
      }
      OnednnLayers.Linear linear =
          new OnednnLayers.Linear(weights.value, bias.value, features, classes);
      float[] dz = linear.logits(x, n);
      double loss = OnednnTraining.softmaxCrossEntropy(dz, labels, n, classes);
      float[] dw = weights.gradient;
      float[] db = bias.gradient;
      java.util.Arrays.fill(dw, 0f);
      java.util.Arrays.fill(db, 0f);
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < classes; k++) {
          db[k] += dz[i * classes + k];
        }
        for (int c = 0; c < features; c++) {
          float xi = x[i * features + c];
          if (xi != 0) {
            for (int k = 0; k < classes; k++) {
              dw[c * classes + k] += xi * dz[i * classes + k];
            }
          }
        }
      }
      float[] dx = linear.backward(dz, n, n * features);
      if (mask != null) {
        for (int i = 0; i < dx.length; i++) {
          dx[i] *= mask[i];
        }
      }
      for (int i = 0; i < dx.length; i++) {
        java.util.Arrays.fill(dLast, i * plane, (i + 1) * plane, dx[i] / plane);
      }
      return loss;
    }
  }
}
