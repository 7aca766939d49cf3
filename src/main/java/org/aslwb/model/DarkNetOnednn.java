package org.aslwb.model;

import static org.bytedeco.dnnl.global.dnnl.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aslwb.model.Onednn.Session;
import org.aslwb.model.Onednn.Step;
import org.aslwb.model.Onednn.Tensor;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DarkNet-53's inference twin (batch norm folded into the convolutions, see {@link InferenceTwin})
 * run on oneDNN directly: probabilities and the input gradient of the cross-entropy loss, equal to
 * the DL4J twin's within float rounding ({@code DarkNetOnednnTest}).
 *
 * <p>Why: through DL4J each of the 52 convolutions reorders its input and output between NCHW and
 * oneDNN's layout and its weights on every call, and the layer bookkeeping adds about 3.5 ms per
 * layer; here activations stay in the blocked layout from the first convolution to the last, the
 * leaky ReLU runs inside each convolution, and weights are reordered once. The pooling and the
 * 29-way classifier (a few thousand multiply-adds per image) run in Java.
 *
 * <p>Images go through in chunks of at most {@link #CHUNK}; each batch size gets a plan (its
 * primitives and buffers), the last few kept. Thread-safe: a call holds its plan's lock, so a
 * slider frame (one image) does not wait for a sweep's chunk.
 */
final class DarkNetOnednn implements AutoCloseable {
  /** Images per pass: oneDNN is efficient from here on, and activation memory stays bounded. */
  static final int CHUNK = 32;

  private static final int PLANS = 3;
  private static final float LEAK = (float) DarkNet53.LEAK;

  private final NetworkShape shape;
  private final List<Unit> units = new ArrayList<>();
  private final float[] denseWeights; // [features][classes], row-major
  private final float[] denseBias;
  private final int features;
  private final int classes;
  private final int layout;
  private final Map<Integer, Plan> plans = new LinkedHashMap<>(PLANS + 1, 0.75f, true);
  // weights in each layout a primitive asked for, shared by the plans (160 MB a copy at width 1)
  private final Session weightSession = new Session();
  private boolean closed;
  private final Map<Unit, List<Tensor>> weightCache = new java.util.IdentityHashMap<>();

  /** One convolution with its folded batch norm and leaky ReLU, from the twin. */
  private record Unit(
      String name, int in, int out, int kernel, int stride, INDArray weights, INDArray bias) {}

  private DarkNetOnednn(ComputationGraph twin, NetworkShape shape, int block) {
    this.shape = shape;
    int channels = shape.channels();
    channels = addUnit(twin, "stem", channels, 3, 1);
    for (int stage = 0; stage < DarkNet53.BLOCKS.length; stage++) {
      channels = addUnit(twin, "s" + (stage + 1) + "_down", channels, 3, 2);
      for (int b = 0; b < DarkNet53.BLOCKS[stage]; b++) {
        String name = "s" + (stage + 1) + "_b" + (b + 1);
        int reduced = addUnit(twin, name + "_a", channels, 1, 1);
        addUnit(twin, name + "_b", reduced, 3, 1);
      }
    }
    features = channels;
    INDArray w = twin.getLayer("output").getParam("W");
    classes = (int) w.size(1);
    if (w.size(0) != features) {
      throw new IllegalStateException("the classifier does not match the last block");
    }
    denseWeights = Tensors.toFloats(w.dup('c'));
    denseBias = Tensors.toFloats(twin.getLayer("output").getParam("b").dup('c'));
    layout = layout(units, block);
  }

  /** {@code aslwb.onednn} / {@code ASLWB_ONEDNN}: {@code off} keeps DL4J (to compare the two). */
  static final String PROPERTY = "aslwb.onednn";

  static final String ENV = "ASLWB_ONEDNN";

  /** Whether DarkNet-53 should run here: on the CPU backend, unless turned off. */
  static boolean wanted() {
    boolean off =
        org.aslwb.task.ProcessSetting.read(PROPERTY, ENV)
            .map(s -> s.value().trim().equalsIgnoreCase("off"))
            .orElse(false);
    return !off && Backend.configured() == Backend.CPU;
  }

  /**
   * The engine for a DarkNet-53 twin, or null when oneDNN is not available here (the caller keeps
   * DL4J).
   */
  static DarkNetOnednn of(ComputationGraph twin, NetworkShape shape) {
    if (!Onednn.available()) {
      return null;
    }
    DarkNetOnednn engine = new DarkNetOnednn(twin, shape, Onednn.channelBlock());
    // a CPU without a kernel for the chosen layout would run oneDNN's reference convolution
    if (engine.plan(1).session.usesReference()) {
      engine.close();
      return null;
    }
    return engine;
  }

  private int addUnit(ComputationGraph twin, String name, int in, int kernel, int stride) {
    var layer = twin.getLayer(name + "_conv");
    INDArray w = layer.getParam("W");
    int out = (int) w.size(0);
    if (w.size(1) != in || w.size(2) != kernel) {
      throw new IllegalStateException("layer " + name + " does not match DarkNet-53");
    }
    // the twin's own arrays (it outlives this engine in NetworkClassifier): no Java copy
    units.add(new Unit(name, in, out, kernel, stride, w, layer.getParam("b")));
    return out;
  }

  /** Softmax probabilities of normalised NCHW images, {@code n * classes} values. */
  float[] probabilities(float[] input, int n) {
    float[] out = new float[n * classes];
    int size = input.length / n;
    for (int start = 0; start < n; start += CHUNK) {
      int m = Math.min(CHUNK, n - start);
      float[] chunk = slice(input, start * size, m * size);
      float[] pooled = withPlan(m, plan -> plan.forward(chunk));
      float[] p = softmax(logits(pooled, m), m);
      System.arraycopy(p, 0, out, start * classes, p.length);
    }
    return out;
  }

  /**
   * The gradient of each image's cross-entropy loss for its label with respect to the normalised
   * input (NCHW, like the input), as DL4J's backward pass gives it: per image, not averaged.
   */
  float[] lossGradients(float[] input, int n, int[] labels) {
    float[] out = new float[input.length];
    int size = input.length / n;
    for (int start = 0; start < n; start += CHUNK) {
      int m = Math.min(CHUNK, n - start);
      float[] chunk = slice(input, start * size, m * size);
      int first = start;
      float[] g = withPlan(m, plan -> plan.backward(dPooled(plan.forward(chunk), labels, first)));
      System.arraycopy(g, 0, out, start * size, g.length);
    }
    return out;
  }

  /** The pooled features' gradient of the loss: (softmax - one-hot) through the classifier. */
  private float[] dPooled(float[] pooled, int[] labels, int first) {
    int m = pooled.length / features;
    float[] dLogits = softmax(logits(pooled, m), m);
    for (int i = 0; i < m; i++) {
      dLogits[i * classes + labels[first + i]] -= 1f;
    }
    // back through the classifier: d pooled = d logits . W^T
    float[] dPooled = new float[m * features];
    for (int i = 0; i < m; i++) {
      for (int c = 0; c < features; c++) {
        float sum = 0;
        for (int k = 0; k < classes; k++) {
          sum += dLogits[i * classes + k] * denseWeights[c * classes + k];
        }
        dPooled[i * features + c] = sum;
      }
    }
    return dPooled;
  }

  private static float[] slice(float[] values, int from, int length) {
    if (from == 0 && length == values.length) {
      return values;
    }
    return java.util.Arrays.copyOfRange(values, from, from + length);
  }

  private float[] logits(float[] pooled, int n) {
    float[] z = new float[n * classes];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < classes; k++) {
        float sum = denseBias[k];
        for (int c = 0; c < features; c++) {
          sum += pooled[i * features + c] * denseWeights[c * classes + k];
        }
        z[i * classes + k] = sum;
      }
    }
    return z;
  }

  private float[] softmax(float[] z, int n) {
    for (int i = 0; i < n; i++) {
      float max = Float.NEGATIVE_INFINITY;
      for (int k = 0; k < classes; k++) {
        max = Math.max(max, z[i * classes + k]);
      }
      double sum = 0;
      for (int k = 0; k < classes; k++) {
        sum += Math.exp(z[i * classes + k] - max);
      }
      for (int k = 0; k < classes; k++) {
        z[i * classes + k] = (float) (Math.exp(z[i * classes + k] - max) / sum);
      }
    }
    return z;
  }

  /**
   * Runs {@code work} on the plan for {@code n} images under the plan's lock, so that calls with
   * different batch sizes (a slider frame beside a sweep) run at once and calls with the same one
   * take turns.
   */
  private <T> T withPlan(int n, java.util.function.Function<Plan, T> work) {
    while (true) {
      Plan plan = plan(n);
      synchronized (plan) {
        if (!plan.closed) {
          return work.apply(plan);
        }
      }
    }
  }

  private Plan plan(int n) {
    Plan plan;
    Plan evicted = null;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the oneDNN engine was closed");
      }
      plan = plans.get(n);
      if (plan == null) {
        plan = new Plan(n);
        plans.put(n, plan);
        if (plans.size() > PLANS) {
          var eldest = plans.entrySet().iterator().next();
          plans.remove(eldest.getKey());
          evicted = eldest.getValue();
        }
      }
    }
    // outside the engine's lock: a call on the evicted plan may be building its backward pass,
    // which takes the engine's lock
    if (evicted != null) {
      evicted.close();
    }
    return plan;
  }

  @Override
  public void close() {
    List<Plan> open;
    synchronized (this) {
      closed = true;
      open = new ArrayList<>(plans.values());
      plans.clear();
    }
    open.forEach(Plan::close);
    synchronized (this) {
      weightSession.close();
      weightCache.clear();
    }
  }

  /** The unit's weights in {@code desc}'s layout, reordered once from DL4J's [out, in, kH, kW]. */
  private Tensor weights(Unit unit, dnnl_memory_desc_t desc) {
    List<Tensor> have = weightCache.computeIfAbsent(unit, k -> new ArrayList<>());
    for (Tensor t : have) {
      if (Session.same(t.desc, desc)) {
        return t;
      }
    }
    Tensor t = weightSession.tensor(desc);
    try (Session scratch = new Session()) {
      Tensor plain =
          scratch.tensor(
              new long[] {unit.out(), unit.in(), unit.kernel(), unit.kernel()}, dnnl_oihw);
      plain.write(Tensors.toFloats(unit.weights().dup('c')));
      scratch.runNow(scratch.reorder(plain, t));
    }
    have.add(t);
    return t;
  }

  /**
   * The one layout of every activation: the CPU's channel block when every layer's channels fill it
   * (width 1.0 and 0.5), else channels last (width 0.25 has 8-channel layers, and oneDNN's blocked
   * kernels do not take a padded block as input; mixing layouts runs its reference code).
   */
  private static int layout(List<Unit> units, int block) {
    boolean filled = units.stream().allMatch(u -> u.out() % block == 0);
    if (block > 1 && filled) {
      return block == 16 ? dnnl_nChw16c : dnnl_nChw8c;
    }
    return dnnl_nhwc;
  }

  /** 'Same' padding as DL4J computes it: the odd pixel goes to the bottom and right. */
  private static long[][] samePadding(long inH, long inW, int kernel, int stride) {
    long outH = (inH + stride - 1) / stride;
    long outW = (inW + stride - 1) / stride;
    long totalH = Math.max(0, (outH - 1) * stride + kernel - inH);
    long totalW = Math.max(0, (outW - 1) * stride + kernel - inW);
    return new long[][] {
      {outH, outW}, {totalH / 2, totalW / 2}, {totalH - totalH / 2, totalW - totalW / 2}
    };
  }

  /** Primitives and buffers for one batch size; the backward pass is built on first use. */
  private final class Plan {
    final int n;
    final Session session = new Session();
    final Tensor input;
    final Tensor stemInput;
    final Tensor last;
    final Tensor lastPlain;
    final List<Step> forward = new ArrayList<>();
    final List<Layer> layers = new ArrayList<>();
    List<Step> backward;
    Tensor diffLastPlain;
    Tensor diffInput;
    boolean closed;

    /** Waits for a call in progress, then releases the native objects. */
    void close() {
      synchronized (this) {
        closed = true;
        session.close();
      }
    }

    /** A convolution as built in this plan: what its backward pass needs. */
    private record Layer(
        Unit unit,
        dnnl_primitive_desc forward,
        Tensor src,
        Tensor dst,
        Tensor weights,
        long[] strides,
        long[] padLeft,
        long[] padRight) {}

    Plan(int n) {
      this.n = n;
      input =
          session.tensor(
              new long[] {n, shape.channels(), shape.height(), shape.width()}, dnnl_nchw);
      // the blocked kernels take the 3-channel picture as it is; channels-last ones want it
      // reordered
      stemInput = layout == dnnl_nhwc ? session.tensor(plainDims(input), dnnl_nhwc) : input;
      if (stemInput != input) {
        forward.add(session.reorder(input, stemInput));
      }
      int u = 0;
      Tensor x = convolution(units.get(u++), stemInput);
      for (int stage = 0; stage < DarkNet53.BLOCKS.length; stage++) {
        x = convolution(units.get(u++), x);
        for (int b = 0; b < DarkNet53.BLOCKS[stage]; b++) {
          Tensor reduced = convolution(units.get(u++), x);
          Tensor expanded = convolution(units.get(u++), reduced);
          Tensor sum = session.tensor(x.desc);
          forward.add(session.add(x, expanded, sum));
          x = sum;
        }
      }
      last = x;
      lastPlain = session.tensor(plainDims(x), dnnl_nchw);
      forward.add(session.reorder(last, lastPlain));
    }

    private long[] plainDims(Tensor t) {
      long[] dims = new long[4];
      for (int i = 0; i < 4; i++) {
        dims[i] = t.desc.dims().get(i);
      }
      return dims;
    }

    private Tensor convolution(Unit unit, Tensor src) {
      long[] in = plainDims(src);
      long[][] pad = samePadding(in[2], in[3], unit.kernel(), unit.stride());
      long[] strides = {unit.stride(), unit.stride()};
      long[] outDims = {n, unit.out(), pad[0][0], pad[0][1]};
      long[] weightDims = {unit.out(), unit.in(), unit.kernel(), unit.kernel()};
      dnnl_primitive_desc pd =
          session.convolution(
              src.desc,
              Session.desc(weightDims, dnnl_format_tag_any),
              Session.desc(new long[] {unit.out()}, dnnl_x),
              Session.desc(outDims, layout),
              strides,
              pad[1],
              pad[2],
              LEAK);
      Tensor weights = weights(unit, Session.query(pd, dnnl_query_weights_md));
      Tensor bias = session.tensor(new long[] {unit.out()}, dnnl_x);
      bias.write(Tensors.toFloats(unit.bias().dup('c')));
      Tensor dst = session.tensor(Session.query(pd, dnnl_query_dst_md));
      forward.add(
          session.step(
              pd,
              new int[] {DNNL_ARG_SRC, DNNL_ARG_WEIGHTS, DNNL_ARG_BIAS, DNNL_ARG_DST},
              src,
              weights,
              bias,
              dst));
      layers.add(new Layer(unit, pd, src, dst, weights, strides, pad[1], pad[2]));
      return dst;
    }

    /** Runs the network on a chunk; returns the globally average-pooled features. */
    float[] forward(float[] chunk) {
      input.write(chunk);
      session.run(forward);
      long[] dims = plainDims(last);
      int plane = (int) (dims[2] * dims[3]);
      float[] maps = new float[n * features * plane];
      lastPlain.read(maps);
      float[] pooled = new float[n * features];
      for (int i = 0; i < n * features; i++) {
        float sum = 0;
        for (int k = 0; k < plane; k++) {
          sum += maps[i * plane + k];
        }
        pooled[i] = sum / plane;
      }
      return pooled;
    }

    /** After {@link #forward}: the input gradient, given the pooled features' gradient. */
    float[] backward(float[] dPooled) {
      if (backward == null) {
        buildBackward();
      }
      long[] dims = plainDims(last);
      int plane = (int) (dims[2] * dims[3]);
      float[] dMaps = new float[n * features * plane];
      for (int i = 0; i < n * features; i++) {
        java.util.Arrays.fill(dMaps, i * plane, (i + 1) * plane, dPooled[i] / plane);
      }
      diffLastPlain.write(dMaps);
      session.run(backward);
      float[] g = new float[n * shape.channels() * shape.height() * shape.width()];
      diffInput.read(g);
      return g;
    }

    private void buildBackward() {
      synchronized (DarkNetOnednn.this) { // the shared weight cache
        buildBackwardLocked();
      }
    }

    private void buildBackwardLocked() {
      backward = new ArrayList<>();
      diffLastPlain = session.tensor(plainDims(last), dnnl_nchw);
      Tensor g = session.tensor(last.desc);
      backward.add(session.reorder(diffLastPlain, g));
      int l = layers.size() - 1;
      for (int stage = DarkNet53.BLOCKS.length - 1; stage >= 0; stage--) {
        for (int b = DarkNet53.BLOCKS[stage] - 1; b >= 0; b--) {
          Layer expanded = layers.get(l--);
          Layer reduced = layers.get(l--);
          // x_out = x_in + B(A(x_in)): the sum passes g to x_in and through B and A
          Tensor through = backwardThrough(reduced, backwardThrough(expanded, g, null), null);
          Tensor sum = session.tensor(g.desc);
          backward.add(session.add(g, through, sum));
          g = sum;
        }
        g = backwardThrough(layers.get(l--), g, null);
      }
      if (stemInput == input) {
        diffInput = backwardThrough(layers.get(l), g, input.desc);
      } else {
        diffInput = session.tensor(input.desc);
        backward.add(session.reorder(backwardThrough(layers.get(l), g, null), diffInput));
      }
    }

    /** The gradient of a unit's input from its output's: leaky ReLU, then the convolution. */
    private Tensor backwardThrough(Layer layer, Tensor diffDst, dnnl_memory_desc_t diffSrcDesc) {
      dnnl_primitive_desc relu = session.leakyReluBackward(layer.dst().desc, LEAK);
      Tensor diffPre = session.tensor(layer.dst().desc);
      backward.add(
          session.step(
              relu,
              new int[] {DNNL_ARG_DST, DNNL_ARG_DIFF_DST, DNNL_ARG_DIFF_SRC},
              layer.dst(),
              diffDst,
              diffPre));
      dnnl_memory_desc_t srcDesc = diffSrcDesc != null ? diffSrcDesc : layer.src().desc;
      dnnl_primitive_desc pd =
          session.convolutionBackwardData(
              srcDesc,
              Session.desc(
                  new long[] {
                    layer.unit().out(),
                    layer.unit().in(),
                    layer.unit().kernel(),
                    layer.unit().kernel()
                  },
                  dnnl_format_tag_any),
              diffPre.desc,
              layer.strides(),
              layer.padLeft(),
              layer.padRight(),
              layer.forward());
      dnnl_memory_desc_t wantedWeights = Session.query(pd, dnnl_query_weights_md);
      Tensor weights = weights(layer.unit(), wantedWeights);
      Tensor diffSrc = session.tensor(srcDesc);
      backward.add(
          session.step(
              pd,
              new int[] {DNNL_ARG_DIFF_DST, DNNL_ARG_WEIGHTS, DNNL_ARG_DIFF_SRC},
              diffPre,
              weights,
              diffSrc));
      return diffSrc;
    }
  }
}
