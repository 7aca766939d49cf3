package org.aslwb.model;

import static org.bytedeco.dnnl.global.dnnl.*;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.aslwb.model.Onednn.Session;
import org.aslwb.model.Onednn.Step;
import org.aslwb.model.Onednn.Tensor;
import org.aslwb.task.ProcessSetting;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * An inference twin (batch norm folded, see {@link InferenceTwin}) run on oneDNN directly:
 * probabilities and the input gradient of the cross-entropy loss, equal to the DL4J twin's within
 * float rounding ({@code OnednnNetworkTest}). The layers ({@link OnednnLayers}) run in oneDNN; the
 * last few thousand multiply-adds per image (DarkNet-53's pooling and classifier, the simple CNN's
 * output layer) and the softmax run in Java, in a {@link Head}.
 *
 * <p>Why: through DL4J each convolution reorders its input and output between NCHW and oneDNN's
 * layout and its weights on every call, and the layer bookkeeping costs milliseconds per layer;
 * here activations stay in one layout from the first layer to the last, activations run inside the
 * convolutions, and weights are reordered once.
 *
 * <p>Images go through in chunks of at most {@link #CHUNK}; each batch size gets a plan (its
 * primitives and buffers), the last few kept. Thread-safe: a call holds its plan's lock, so a
 * slider frame (one image) does not wait for a sweep's chunk to compute; it can wait once while
 * another batch size's plan or backward pass is being built (under the engine's lock, about 0.1 to
 * 0.5 s).
 */
final class OnednnNetwork implements AutoCloseable {
  /** Images per pass: oneDNN is efficient from here on, and activation memory stays bounded. */
  static final int CHUNK = 32;

  /** {@code aslwb.onednn} / {@code ASLWB_ONEDNN}: {@code off} keeps DL4J (to compare the two). */
  static final String PROPERTY = "aslwb.onednn";

  static final String ENV = "ASLWB_ONEDNN";

  // a slider frame (1), full chunks (32) and two remainders (a sweep's, LIME's) without rebuilding
  private static final int PLANS = 4;

  /** The classifier after the last oneDNN layer, in Java. */
  interface Head {
    /** Logits of {@code n} images from the last layer's output (plain layout). */
    float[] logits(float[] features, int n);

    /**
     * The last layer's output gradient (plain layout, {@code outputSize} values) from the logits'
     * gradient.
     */
    float[] backward(float[] dLogits, int n, int outputSize);
  }

  private final long[] inputDims; // channels, height, width
  private final List<OnednnLayers.Layer<? super Plan>> layers;
  private final Head head;
  private final int classes;
  private final int layout;
  private final Map<Integer, Plan> plans = new LinkedHashMap<>(PLANS + 1, 0.75f, true);
  // weights in each layout a primitive asked for, shared by the plans (160 MB a copy for full
  // DarkNet-53)
  private final Session weightSession = new Session();
  private final Map<Object, List<Tensor>> weightCache = new IdentityHashMap<>();
  private boolean closed;

  private OnednnNetwork(
      NetworkShape shape,
      List<OnednnLayers.Layer<? super Plan>> layers,
      Head head,
      int classes,
      int block) {
    this.inputDims = new long[] {shape.channels(), shape.height(), shape.width()};
    this.layers = List.copyOf(layers);
    this.head = head;
    this.classes = classes;
    this.layout = layout(layers, block);
  }

  /** Whether our networks should run here: on the CPU backend, unless turned off. */
  static boolean wanted() {
    boolean off =
        ProcessSetting.read(PROPERTY, ENV)
            .map(s -> s.value().trim().equalsIgnoreCase("off"))
            .orElse(false);
    return !off && Backend.configured() == Backend.CPU;
  }

  /**
   * The engine for a twin of one of our architectures, or null when oneDNN is not available here
   * (the caller keeps DL4J).
   */
  static OnednnNetwork of(Architecture architecture, ComputationGraph twin, NetworkShape shape) {
    if (!Onednn.available()) {
      return null;
    }
    OnednnNetwork network =
        switch (architecture) {
          case DARKNET53 -> OnednnLayers.darkNet53(twin, shape, Onednn.channelBlock());
          case CNN -> OnednnLayers.simpleCnn(twin, shape, Onednn.channelBlock());
        };
    // a CPU without a kernel for the chosen layout would run oneDNN's reference code, a thousand
    // times slower than DL4J
    try {
      if (network.withPlan(1, Plan::buildAndCheckForReference)) {
        network.close();
        return null;
      }
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
    return network;
  }

  static OnednnNetwork create(
      NetworkShape shape,
      List<OnednnLayers.Layer<? super Plan>> layers,
      Head head,
      int classes,
      int block) {
    return new OnednnNetwork(shape, layers, head, classes, block);
  }

  /**
   * The one layout of every activation: the CPU's channel block when every layer's channels fill
   * it, else channels last (DarkNet-53 at width 0.25 has 8-channel layers, and oneDNN's blocked
   * kernels do not take a padded block as input; mixing layouts runs its reference code).
   */
  static int layout(List<? extends OnednnLayers.Layer<?>> layers, int block) {
    boolean filled = layers.stream().allMatch(l -> l.channelsFill(block));
    if (block > 1 && filled) {
      return block == 16 ? dnnl_nChw16c : dnnl_nChw8c;
    }
    return dnnl_nhwc;
  }

  /** Softmax probabilities of normalised NCHW images, {@code n * classes} values. */
  float[] probabilities(float[] input, int n) {
    float[] out = new float[n * classes];
    if (n == 0) {
      return out;
    }
    int size = input.length / n;
    for (int start = 0; start < n; start += CHUNK) {
      int m = Math.min(CHUNK, n - start);
      float[] chunk = slice(input, start * size, m * size);
      float[] features = withPlan(m, plan -> plan.forward(chunk));
      float[] p = softmax(head.logits(features, m), m, classes);
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
    if (n == 0) {
      return out;
    }
    for (int label : labels) {
      if (label < 0 || label >= classes) {
        throw new IllegalArgumentException(
            "label " + label + " is not one of " + classes + " classes");
      }
    }
    int size = input.length / n;
    for (int start = 0; start < n; start += CHUNK) {
      int m = Math.min(CHUNK, n - start);
      float[] chunk = slice(input, start * size, m * size);
      int first = start;
      float[] g =
          withPlan(
              m,
              plan -> {
                float[] dLogits = softmax(head.logits(plan.forward(chunk), m), m, classes);
                for (int i = 0; i < m; i++) {
                  dLogits[i * classes + labels[first + i]] -= 1f;
                }
                return plan.backward(head.backward(dLogits, m, plan.outputSize()));
              });
      System.arraycopy(g, 0, out, start * size, g.length);
    }
    return out;
  }

  private static float[] slice(float[] values, int from, int length) {
    if (from == 0 && length == values.length) {
      return values;
    }
    return java.util.Arrays.copyOfRange(values, from, from + length);
  }

  /** Softmax of {@code n} rows of {@code classes} logits, in place. */
  static float[] softmax(float[] z, int n, int classes) {
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
  private <T> T withPlan(int n, Function<Plan, T> work) {
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
      if (closed) {
        return;
      }
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

  /**
   * Weights in {@code desc}'s layout, reordered once from {@code plain} (read on first use), shared
   * by every plan that asks for the same layout; {@code key} identifies the layer.
   */
  synchronized Tensor weights(
      Object key,
      long[] dims,
      int plainTag,
      java.util.function.Supplier<float[]> plain,
      dnnl_memory_desc_t desc) {
    List<Tensor> have = weightCache.computeIfAbsent(key, k -> new ArrayList<>());
    for (Tensor t : have) {
      if (Session.same(t.desc, desc)) {
        return t;
      }
    }
    Tensor t = weightSession.tensor(desc);
    try (Session scratch = new Session()) {
      Tensor source = scratch.tensor(dims, plainTag);
      source.write(plain.get());
      scratch.runNow(scratch.reorder(source, t));
    }
    have.add(t);
    return t;
  }

  /** The plain (row-major) layout of a tensor of {@code dims}. */
  static int plainTag(long[] dims) {
    return dims.length == 4 ? dnnl_nchw : dnnl_nc;
  }

  /** The number of values in a tensor of {@code dims}. */
  static long size(long[] dims) {
    long size = 1;
    for (long d : dims) {
      size *= d;
    }
    return size;
  }

  static long[] dims(Tensor t) {
    long[] dims = new long[t.desc.ndims()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = t.desc.dims().get(i);
    }
    return dims;
  }

  /** Primitives and buffers for one batch size; the backward pass is built on first use. */
  final class Plan implements OnednnLayers.Pass {
    final int n;
    final Session session = new Session();
    final List<Step> forward = new ArrayList<>();
    List<Step> backward;
    private List<Step> building;
    private Tensor input;
    private Tensor firstInput;
    private final List<OnednnLayers.Built> built = new ArrayList<>();
    private Tensor last;
    private Tensor lastPlain;
    private Tensor diffLastPlain;
    private Tensor diffInput;
    private boolean closed;

    Plan(int n) {
      this.n = n;
      try {
        build();
      } catch (RuntimeException e) {
        session.close(); // what was created before the failure
        throw e;
      }
    }

    private void build() {
      input = session.tensor(new long[] {n, inputDims[0], inputDims[1], inputDims[2]}, dnnl_nchw);
      // the blocked kernels take the 3-channel picture as it is; channels-last ones want it
      // reordered
      firstInput = layout == dnnl_nhwc ? session.tensor(dims(input), dnnl_nhwc) : input;
      if (firstInput != input) {
        forward.add(session.reorder(input, firstInput));
      }
      Tensor x = firstInput;
      for (OnednnLayers.Layer<? super Plan> layer : layers) {
        OnednnLayers.Built b = layer.build(this, x);
        built.add(b);
        x = b.output();
      }
      last = x;
      lastPlain = session.tensor(dims(last), plainTag(dims(last)));
      forward.add(session.reorder(last, lastPlain));
    }

    @Override
    public Session session() {
      return session;
    }

    @Override
    public int layout() {
      return layout;
    }

    OnednnNetwork network() {
      return OnednnNetwork.this;
    }

    @Override
    public void forwardStep(Step step) {
      forward.add(step);
    }

    @Override
    public void backwardStep(Step step) {
      building.add(step);
    }

    /** Builds the backward pass too; whether a step of either pass runs oneDNN's reference code. */
    boolean buildAndCheckForReference() {
      if (backward == null) {
        synchronized (OnednnNetwork.this) {
          buildBackward();
        }
      }
      return session.usesReference();
    }

    /** Values in the last layer's output. */
    int outputSize() {
      return (int) size(dims(last));
    }

    /** Runs the layers on a chunk; returns the last layer's output in its plain layout. */
    float[] forward(float[] chunk) {
      input.write(chunk);
      session.run(forward);
      float[] out = new float[(int) size(dims(last))];
      lastPlain.read(out);
      return out;
    }

    /** After {@link #forward}: the input gradient, given the last layer's output gradient. */
    float[] backward(float[] dLast) {
      if (backward == null) {
        synchronized (OnednnNetwork.this) { // the shared weight cache
          buildBackward();
        }
      }
      diffLastPlain.write(dLast);
      session.run(backward);
      float[] g = new float[(int) size(dims(input))];
      diffInput.read(g);
      return g;
    }

    private void buildBackward() {
      building = new ArrayList<>();
      diffLastPlain = session.tensor(dims(last), plainTag(dims(last)));
      Tensor g = session.tensor(last.desc);
      building.add(session.reorder(diffLastPlain, g));
      for (int i = built.size() - 1; i > 0; i--) {
        g = built.get(i).backward(g, null);
      }
      if (firstInput == input) {
        diffInput = built.get(0).backward(g, input.desc);
      } else {
        diffInput = session.tensor(input.desc);
        building.add(session.reorder(built.get(0).backward(g, null), diffInput));
      }
      backward = building; // only once complete: a failure leaves it to be built again
    }

    /** Waits for a call in progress, then releases the native objects. */
    void close() {
      synchronized (this) {
        closed = true;
        session.close();
      }
    }
  }
}
