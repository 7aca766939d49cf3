package org.aslwb.model;

import static org.bytedeco.dnnl.global.dnnl.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.aslwb.model.Onednn.Session;
import org.aslwb.model.Onednn.Step;
import org.aslwb.model.Onednn.Tensor;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Training of our two architectures on oneDNN directly: the same network, loss, Adam and batch norm
 * as DL4J's {@code fit} ({@code OnednnTrainingTest} compares gradients, moments and statistics),
 * with the activations in one layout from the first layer to the last and the activations fused
 * into the convolutions, as {@link OnednnNetwork} does for inference.
 *
 * <p>The weights live here during an epoch in their plain layout (DL4J's order): Adam updates them
 * in Java after each step, and each step's forward pass reorders them into the layouts its
 * primitives chose. The classifier (the last few thousand multiply-adds per image), softmax, loss
 * and dropout run in Java. {@link #finishEpoch} writes weights, Adam's moments, the batch-norm
 * statistics and the iteration count back into the DL4J network, which checkpoints and scores.
 *
 * <p>A batch size whose plan oneDNN can only run with its reference code (or cannot build) hands
 * the rest of the run to DL4J, after writing back what was trained so far. One thread at a time.
 */
final class OnednnTraining implements TrainingEngine {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(OnednnTraining.class);

  // a run uses its batch size and the epoch's last, smaller batch
  private static final int PLANS = 2;

  /** DL4J's softmax clipping in its cross-entropy score. */
  private static final double CLIP = 1e-10;

  private final ComputationGraph net;
  private final List<OnednnLayers.Layer<? super Plan>> layers;
  private final Head head;
  private final List<Param> params;
  private final List<OnednnTrainingLayers.RunningStatistics> statistics;
  private final long[] inputDims;
  private final int layout;
  private final Session masters;
  private final Map<Integer, Plan> plans = new LinkedHashMap<>(PLANS + 1, 0.75f, true);
  private final Adam adam;
  private int iteration;
  private double learningRate;
  private Random dropout = new Random(0);
  private boolean dl4j;
  private boolean closed;

  private OnednnTraining(ComputationGraph net, OnednnTrainingLayers.Network network, Adam adam) {
    this.net = net;
    this.layers = network.layers();
    this.head = network.head();
    this.params = network.params();
    this.statistics = network.statistics();
    this.masters = network.masters();
    this.inputDims = network.inputDims();
    this.layout = OnednnNetwork.layout(layers, Onednn.channelBlock());
    this.adam = adam;
    this.iteration = net.getConfiguration().getIterationCount();
  }

  /**
   * The engine for {@code net}, or null where oneDNN is unavailable or the network is not the
   * architecture's (a checkpoint from another version, an updater other than Adam).
   */
  static OnednnTraining of(ComputationGraph net, Architecture architecture, NetworkShape shape) {
    if (!Onednn.available()) {
      return null;
    }
    Session masters = new Session();
    try {
      Map<String, AdamUpdater> moments = adamStates(net);
      if (moments == null) {
        masters.close();
        return null;
      }
      OnednnTrainingLayers.Network network =
          switch (architecture) {
            case CNN -> OnednnTrainingLayers.simpleCnn(net, shape, masters);
            case DARKNET53 -> OnednnTrainingLayers.darkNet53(net, shape, masters);
          };
      java.util.Set<String> trained = new java.util.HashSet<>();
      Adam config = null;
      for (Param p : network.params()) {
        p.loadMoments(net, moments);
        config = (Adam) moments.get(p.key()).getConfig();
        trained.add(p.key());
      }
      if (!trained.equals(moments.keySet())) {
        // a layer the builder does not know would never learn
        throw new IllegalStateException(
            "the network has parameters the engine does not train: "
                + moments.keySet().stream().filter(k -> !trained.contains(k)).toList());
      }
      return new OnednnTraining(net, network, config);
    } catch (RuntimeException | OutOfMemoryError e) { // OOM: JavaCPP's native budget
      masters.close();
      LOG.warn("training runs on DL4J: oneDNN cannot train this network: {}", e.toString());
      return null;
    }
  }

  /**
   * Each Adam-updated parameter's updater, by "layer_param"; null when a parameter with gradients
   * has another updater (batch-norm statistics have none: they are running averages).
   */
  private static Map<String, AdamUpdater> adamStates(ComputationGraph net) {
    Map<String, AdamUpdater> states = new HashMap<>();
    for (UpdaterBlock block : net.getUpdater().getUpdaterBlocks()) {
      for (UpdaterBlock.ParamState ps : block.getLayersAndVariablesInBlock()) {
        String key = ps.getLayer().getConfig().getLayerName() + "_" + ps.getParamName();
        if (block.getGradientUpdater() instanceof AdamUpdater a) {
          states.put(key, a);
        } else if (!OnednnTrainingLayers.isStatistic(ps.getParamName())) {
          return null;
        }
      }
    }
    return states;
  }

  /** The moment {@code state} (Adam's M or V) of one parameter: its range of the block's view. */
  static INDArray momentOf(ComputationGraph net, String key, AdamUpdater updater, INDArray state) {
    for (UpdaterBlock block : net.getUpdater().getUpdaterBlocks()) {
      if (block.getGradientUpdater() != updater) {
        continue;
      }
      for (UpdaterBlock.ParamState ps : block.getLayersAndVariablesInBlock()) {
        if (key.equals(ps.getLayer().getConfig().getLayerName() + "_" + ps.getParamName())) {
          INDArray flat = state.reshape(state.length());
          return flat.get(
              NDArrayIndex.interval(
                  ps.getParamOffsetStart() - block.getParamOffsetStart(),
                  ps.getParamOffsetEnd() - block.getParamOffsetStart()));
        }
      }
    }
    throw new IllegalStateException("no optimiser state for " + key);
  }

  @Override
  public void startEpoch(double rate, long seed) {
    learningRate = rate;
    dropout = new Random(seed);
    if (dl4j) {
      new TrainingEngine.Dl4j(net).startEpoch(rate, seed);
    }
  }

  @Override
  public double fit(DataSet batch) {
    if (!dl4j) {
      if (closed) {
        throw new IllegalStateException("the oneDNN training engine was closed");
      }
      int n = (int) batch.getFeatures().size(0);
      Plan plan = planOrNull(n);
      if (plan != null) {
        return step(plan, batch, n);
      }
      // for the rest of the run (a refused size is one the run will see again, each epoch)
      finishEpoch(); // what this run trained so far, for DL4J to go on from
      dl4j = true;
      close(); // the plans and weights are DL4J's now
      new TrainingEngine.Dl4j(net).startEpoch(learningRate, dropout.nextLong());
    }
    net.fit(batch);
    return net.score();
  }

  private Plan planOrNull(int n) {
    Plan plan = plans.get(n);
    if (plan != null) {
      return plan;
    }
    try {
      plan = new Plan(n);
    } catch (RuntimeException | OutOfMemoryError e) { // a primitive refused, or the native budget
      LOG.warn("oneDNN cannot train batches of {} here; DL4J trains on: {}", n, e.toString());
      return null;
    }
    if (plan.session.usesReference()) {
      LOG.warn("oneDNN has only its reference code for batches of {} here; DL4J trains on", n);
      plan.session.close();
      return null;
    }
    plans.put(n, plan);
    if (plans.size() > PLANS) {
      var eldest = plans.entrySet().iterator().next();
      plans.remove(eldest.getKey());
      eldest.getValue().session.close();
    }
    return plan;
  }

  private double step(Plan plan, DataSet batch, int n) {
    float[] labels = Tensors.toFloats(batch.getLabels());
    plan.input.write(Tensors.toFloats(batch.getFeatures()));
    plan.session.run(plan.forward);
    float[] features = new float[plan.lastSize];
    plan.lastPlain.read(features);
    float[] dFeatures = new float[features.length];
    double loss = head.lossAndGradients(features, labels, n, dFeatures, dropout);
    plan.diffLastPlain.write(dFeatures);
    plan.session.run(plan.backward);
    iteration++;
    double alpha =
        learningRate
            * Math.sqrt(1 - Math.pow(adam.getBeta2(), iteration))
            / (1 - Math.pow(adam.getBeta1(), iteration));
    if (!Double.isFinite(alpha) || alpha == 0) {
      alpha = adam.getEpsilon(); // as DL4J's updater does
    }
    float a = (float) alpha;
    // both cores: a tenth of a DarkNet-53 step on one (40 M weights, each read and written)
    // every parameter takes its step (no short cut at the first non-finite one)
    boolean finite =
        params.parallelStream()
            .map(
                p ->
                    p.adamStep(
                        a,
                        (float) adam.getBeta1(),
                        (float) adam.getBeta2(),
                        (float) adam.getEpsilon()))
            .reduce(true, Boolean::logicalAnd);
    plan.updateStatistics();
    // oneDNN's ReLU turns NaN into 0, so a diverged network can still give a finite loss: its
    // weights tell (DL4J's NaN loss in the same case stops the run)
    return finite ? loss : Double.NaN;
  }

  @Override
  public void finishEpoch() {
    if (dl4j) {
      return; // DL4J holds them
    }
    for (Param p : params) {
      p.writeBack(net);
    }
    statistics.forEach(OnednnTrainingLayers.RunningStatistics::writeBack);
    net.getConfiguration().setIterationCount(iteration);
  }

  @Override
  public String describe() {
    return dl4j ? "DL4J (oneDNN could not train this batch size)" : "oneDNN directly";
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    plans.values().forEach(p -> p.session.close());
    plans.clear();
    masters.close();
  }

  /** Loss, softmax and whatever follows the last oneDNN layer, in Java. */
  interface Head {
    /**
     * The batch's mean loss for soft {@code labels}; writes the gradient of that loss with respect
     * to the last layer's output into {@code dFeatures} and the head's own parameters' gradients.
     */
    double lossAndGradients(
        float[] features, float[] labels, int n, float[] dFeatures, Random dropout);
  }

  /** Softmax cross-entropy of {@code n} rows of logits (in place: they become its gradient). */
  static double softmaxCrossEntropy(float[] logits, float[] labels, int n, int classes) {
    // not OnednnNetwork.softmax: the probabilities stay in double for the loss and its gradient
    double loss = 0;
    for (int i = 0; i < n; i++) {
      int row = i * classes;
      float max = Float.NEGATIVE_INFINITY;
      for (int k = 0; k < classes; k++) {
        max = Math.max(max, logits[row + k]);
      }
      double sum = 0;
      for (int k = 0; k < classes; k++) {
        sum += Math.exp(logits[row + k] - max);
      }
      for (int k = 0; k < classes; k++) {
        double p = Math.exp(logits[row + k] - max) / sum;
        float y = labels[row + k];
        if (y != 0) {
          loss -= y * Math.log(Math.min(1, Math.max(CLIP, p)));
        }
        // the gradient of the batch's mean loss: (p - y) / n
        logits[row + k] = (float) ((p - y) / n);
      }
    }
    return loss / n;
  }

  /**
   * A trained parameter: its DL4J view, its values in the plain layout of {@code dims} (DL4J's
   * logical array, transposed for a dense layer, whose DL4J shape is [in, out]), Adam's moments,
   * and for those of oneDNN layers native copies of the values and of each step's gradient.
   */
  static final class Param {
    private final String key;
    private final INDArray view;
    private final boolean transposed;
    final long[] dims;
    final float[] value;
    final float[] gradient;
    private final float[] m;
    private final float[] v;
    private AdamUpdater updater;
    final Tensor master;
    final Tensor diff;

    /** A parameter of a oneDNN layer ({@code masters} non-null) or of the Java head. */
    Param(
        ComputationGraph net,
        String layer,
        String param,
        boolean transposed,
        long[] dims,
        Session masters) {
      this.key = layer + "_" + param;
      this.view = net.getLayer(layer).getParam(param);
      if (view == null) {
        throw new IllegalStateException("no parameter " + key);
      }
      this.transposed = transposed;
      this.dims = dims.clone();
      this.value = plain(view);
      this.gradient = new float[value.length];
      this.m = new float[value.length];
      this.v = new float[value.length];
      if (masters != null) {
        // plain: x, oi (nc) or oihw (nchw)
        this.master =
            masters.tensor(dims, dims.length == 1 ? dnnl_x : OnednnNetwork.plainTag(dims));
        this.diff = masters.tensor(master.desc);
        master.write(value);
      } else {
        this.master = null;
        this.diff = null;
      }
    }

    String key() {
      return key;
    }

    private float[] plain(INDArray logical) {
      float[] values = Tensors.toFloats(transposed ? logical.transpose() : logical);
      if (values.length != OnednnNetwork.size(dims)) {
        throw new IllegalStateException(key + " has " + values.length + " values");
      }
      return values;
    }

    private INDArray logical(float[] values) {
      return transposed
          ? Tensors.fromFloats(values, view.size(1), view.size(0)).transpose()
          : Tensors.fromFloats(values, view.shape());
    }

    /** A moment's values in DL4J's memory order (that of the parameter's view). */
    private INDArray inMemoryOrder(float[] values) {
      char order = view.ordering();
      return logical(values).dup(order).reshape(order, new long[] {view.length()});
    }

    void loadMoments(ComputationGraph net, Map<String, AdamUpdater> moments) {
      updater = moments.get(key);
      if (updater == null) {
        throw new IllegalStateException("no Adam state for " + key);
      }
      for (boolean first : new boolean[] {true, false}) {
        INDArray range = momentOf(net, key, updater, first ? updater.getM() : updater.getV());
        System.arraycopy(
            plain(range.reshape(view.ordering(), view.shape())), 0, first ? m : v, 0, value.length);
      }
    }

    /**
     * Reads this step's gradient (oneDNN layers) and takes Adam's step: {@code alpha} is the
     * learning rate with both bias corrections. Returns whether every new weight is finite.
     */
    boolean adamStep(float alpha, float beta1, float beta2, float epsilon) {
      if (diff != null) {
        diff.read(gradient);
      }
      float[] w = value;
      float[] g = gradient;
      // the sign bit of (exponent bits + 1 << 23) is set only for an all-ones exponent (infinite
      // or NaN); an int OR keeps the loop vectorised, where a float sum would not be
      int exponents = 0;
      for (int i = 0; i < w.length; i++) {
        float mi = beta1 * m[i] + (1 - beta1) * g[i];
        float vi = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
        m[i] = mi;
        v[i] = vi;
        w[i] -= alpha * mi / ((float) Math.sqrt(vi) + epsilon);
        exponents |= (Float.floatToRawIntBits(w[i]) & 0x7f800000) + 0x00800000;
      }
      if (master != null) {
        master.write(w);
      }
      return exponents >= 0;
    }

    void writeBack(ComputationGraph net) {
      view.assign(logical(value));
      momentOf(net, key, updater, updater.getM()).assign(inMemoryOrder(m));
      momentOf(net, key, updater, updater.getV()).assign(inMemoryOrder(v));
    }

    /**
     * This parameter's values in {@code desc}'s layout for {@code pass}'s steps: the master itself,
     * or a copy its forward pass reorders each step.
     */
    Tensor in(OnednnLayers.Pass pass, dnnl_memory_desc_t desc) {
      if (Session.same(desc, master.desc)) {
        return master;
      }
      Tensor t = pass.session().tensor(desc);
      pass.forwardStep(pass.session().reorder(master, t));
      return t;
    }

    /** Where a primitive writes this parameter's gradient in {@code desc}'s layout. */
    Tensor gradientIn(OnednnLayers.Pass pass, dnnl_memory_desc_t desc) {
      return Session.same(desc, diff.desc) ? diff : pass.session().tensor(desc);
    }

    /** After the step that wrote {@code written}: its reorder into the plain gradient, if any. */
    void collect(OnednnLayers.Pass pass, Tensor written) {
      if (written != diff) {
        pass.backwardStep(pass.session().reorder(written, diff));
      }
    }
  }

  /** The primitives and buffers of a training step at one batch size. */
  final class Plan implements OnednnLayers.Pass {
    final int n;
    final Session session = new Session();
    final List<Step> forward = new ArrayList<>();
    final List<Step> backward = new ArrayList<>();
    private final List<Runnable> afterStep = new ArrayList<>();
    Tensor input;
    Tensor lastPlain;
    Tensor diffLastPlain;
    int lastSize;

    Plan(int n) {
      this.n = n;
      try {
        build();
      } catch (RuntimeException | OutOfMemoryError e) {
        session.close();
        throw e;
      }
    }

    private void build() {
      input = session.tensor(new long[] {n, inputDims[0], inputDims[1], inputDims[2]}, dnnl_nchw);
      Tensor x = input;
      if (layout == dnnl_nhwc) {
        x = session.tensor(OnednnNetwork.dims(input), dnnl_nhwc);
        forward.add(session.reorder(input, x));
      }
      List<OnednnLayers.Built> built = new ArrayList<>();
      for (OnednnLayers.Layer<? super Plan> layer : layers) {
        OnednnLayers.Built b = layer.build(this, x);
        built.add(b);
        x = b.output();
      }
      long[] lastDims = OnednnNetwork.dims(x);
      lastSize = (int) OnednnNetwork.size(lastDims);
      lastPlain = session.tensor(lastDims, OnednnNetwork.plainTag(lastDims));
      forward.add(session.reorder(x, lastPlain));
      diffLastPlain = session.tensor(lastPlain.desc);
      Tensor g = session.tensor(x.desc);
      backward.add(session.reorder(diffLastPlain, g));
      for (int i = built.size() - 1; i >= 0; i--) {
        g = built.get(i).backward(g, null);
      }
    }

    int images() {
      return n;
    }

    /** Java work after each step (the running statistics' update from the batch's). */
    void afterStep(Runnable work) {
      afterStep.add(work);
    }

    void updateStatistics() {
      afterStep.forEach(Runnable::run);
    }

    @Override
    public Session session() {
      return session;
    }

    @Override
    public int layout() {
      return layout;
    }

    @Override
    public void forwardStep(Step step) {
      forward.add(step);
    }

    @Override
    public void backwardStep(Step step) {
      backward.add(step);
    }
  }
}
