package org.aslwb.model;

import static org.bytedeco.dnnl.global.dnnl.*;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.const_dnnl_op_desc_t;
import org.bytedeco.dnnl.dnnl_batch_normalization_desc_t;
import org.bytedeco.dnnl.dnnl_binary_desc_t;
import org.bytedeco.dnnl.dnnl_convolution_desc_t;
import org.bytedeco.dnnl.dnnl_eltwise_desc_t;
import org.bytedeco.dnnl.dnnl_engine;
import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_inner_product_desc_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_pooling_v2_desc_t;
import org.bytedeco.dnnl.dnnl_post_ops;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.dnnl.dnnl_stream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * oneDNN's C API, called directly (JavaCPP's {@code dnnl} preset), for networks whose activations
 * stay in oneDNN's blocked layout from layer to layer. libnd4j hands oneDNN plain NCHW arrays and
 * reorders them at every convolution; here each tensor is created in the layout the kernels want
 * and weights are reordered once.
 *
 * <p>A {@link Session} owns every native object it creates and releases them in {@link
 * Session#close()}; it is not thread-safe (callers lock).
 */
final class Onednn {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Onednn.class);
  private static final Object LOCK = new Object();
  // no dilation, no padding (JavaCPP copies the array in; it is never written)
  private static final long[] NONE = {0, 0};
  private static dnnl_engine engine;
  private static Boolean available;

  private Onednn() {}

  /**
   * Whether oneDNN's native library loads on this machine (a platform without the preset's build
   * falls back to DL4J).
   */
  static boolean available() {
    synchronized (LOCK) {
      if (available == null) {
        try {
          engine = new dnnl_engine();
          check(dnnl_engine_create(engine, dnnl_cpu, 0), "engine");
          available = true;
        } catch (Throwable e) {
          LOG.info(
              "oneDNN's own build does not load here; DarkNet-53 runs through DL4J: {}",
              e.toString());
          available = false;
        }
      }
      return available;
    }
  }

  /**
   * The channel block the CPU's kernels want: 16 with AVX-512, 8 with AVX2, 1 (no block: the
   * networks then keep channels last) otherwise. A blocked layout the CPU has no kernel for would
   * fall back to oneDNN's reference convolution, which is a thousand times slower.
   */
  static int channelBlock() {
    int isa = dnnl_get_effective_cpu_isa();
    if ((isa & dnnl_cpu_isa_avx512_core) == dnnl_cpu_isa_avx512_core) {
      return 16;
    }
    return (isa & dnnl_cpu_isa_avx2) == dnnl_cpu_isa_avx2 ? 8 : 1;
  }

  static void check(int status, String what) {
    if (status != dnnl_success) {
      throw new IllegalStateException("oneDNN " + what + " failed with status " + status);
    }
  }

  /** A tensor: its descriptor, oneDNN's memory object and the buffer behind it. */
  static final class Tensor {
    final dnnl_memory_desc_t desc;
    final dnnl_memory memory;
    final FloatPointer data;

    private Tensor(dnnl_memory_desc_t desc, dnnl_memory memory, FloatPointer data) {
      this.desc = desc;
      this.memory = memory;
      this.data = data;
    }

    /** Copies {@code values} in (plain layouts only: the values are in the layout's order). */
    void write(float[] values) {
      data.position(0).put(fits(values), 0, values.length);
    }

    void read(float[] into) {
      data.position(0).get(fits(into), 0, into.length);
    }

    // a wrong length would read or write past the native buffer
    private float[] fits(float[] values) {
      if (values.length > data.capacity()) {
        throw new IllegalArgumentException(
            values.length + " values for a tensor of " + data.capacity());
      }
      return values;
    }
  }

  /** One primitive with its arguments, run in order with the others of a pass. */
  record Step(dnnl_primitive primitive, dnnl_exec_arg_t args, int count) {}

  /** The native objects of one network at one batch size; closing releases them all. */
  static final class Session implements AutoCloseable {
    private final dnnl_stream stream = new dnnl_stream();
    private final List<dnnl_primitive> primitives = new ArrayList<>();
    private final List<dnnl_primitive_desc> descs = new ArrayList<>();
    private final List<dnnl_memory> memories = new ArrayList<>();
    private final List<Pointer> buffers = new ArrayList<>();
    // one scratch buffer for every step (they run one after another), as large as the largest
    // needs:
    // oneDNN's own per-thread scratchpads would tie a primitive to the thread that created it
    private final List<dnnl_memory> scratchpads = new ArrayList<>();
    private FloatPointer scratch = new FloatPointer(1);
    private boolean reference;
    private boolean closed;

    Session() {
      if (!available()) {
        throw new IllegalStateException("oneDNN is not available on this machine");
      }
      check(dnnl_stream_create(stream, engine, dnnl_stream_default_flags), "stream");
    }

    /** Whether a step runs oneDNN's reference (slow, plain C++) implementation. */
    boolean usesReference() {
      return reference;
    }

    static dnnl_memory_desc_t desc(long[] dims, int tag) {
      dnnl_memory_desc_t d = new dnnl_memory_desc_t();
      check(dnnl_memory_desc_init_by_tag(d, dims.length, dims, dnnl_f32, tag), "memory descriptor");
      return d;
    }

    /** A new tensor of {@code desc}, zero-filled. */
    Tensor tensor(dnnl_memory_desc_t desc) {
      long bytes = dnnl_memory_desc_get_size(desc);
      // rounded up: a max-pooling workspace is bytes, not floats
      FloatPointer data = new FloatPointer(Math.max(1, (bytes + Float.BYTES - 1) / Float.BYTES));
      Pointer.memset(data, 0, bytes);
      buffers.add(data);
      dnnl_memory memory = new dnnl_memory();
      check(dnnl_memory_create(memory, desc, engine, data), "memory");
      memories.add(memory);
      return new Tensor(desc, memory, data);
    }

    Tensor tensor(long[] dims, int tag) {
      return tensor(desc(dims, tag));
    }

    /** The descriptor {@code pd} reports for {@code what} (a copy, which outlives the pd). */
    static dnnl_memory_desc_t query(dnnl_primitive_desc pd, int what) {
      return query(pd, what, 0);
    }

    /** The {@code index}th descriptor of kind {@code what} (weights 1: the bias). */
    static dnnl_memory_desc_t query(dnnl_primitive_desc pd, int what, int index) {
      dnnl_memory_desc_t copy = new dnnl_memory_desc_t();
      Pointer.memset(copy, 0, copy.sizeof()); // a zero descriptor: "none" (size 0)
      dnnl_memory_desc_t reported = dnnl_primitive_desc_query_md(pd, what, index);
      if (reported != null && !reported.isNull()) {
        Pointer.memcpy(copy, reported, copy.sizeof());
      }
      return copy;
    }

    static boolean same(dnnl_memory_desc_t a, dnnl_memory_desc_t b) {
      return dnnl_memory_desc_equal(a, b) != 0;
    }

    dnnl_primitive_desc primitiveDesc(Pointer opDesc, dnnl_primitive_desc hint, String what) {
      return primitiveDesc(opDesc, null, hint, what);
    }

    /** {@code ops}: post-ops for the attributes, or null. */
    private dnnl_primitive_desc primitiveDesc(
        Pointer opDesc, dnnl_post_ops ops, dnnl_primitive_desc hint, String what) {
      dnnl_primitive_attr attr = attributes(ops);
      try {
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        check(
            dnnl_primitive_desc_create(pd, new const_dnnl_op_desc_t(opDesc), attr, engine, hint),
            what);
        descs.add(pd);
        return pd;
      } finally {
        dnnl_primitive_attr_destroy(attr);
      }
    }

    /** Attributes with our scratchpad and {@code ops} (or none). */
    private static dnnl_primitive_attr attributes(dnnl_post_ops ops) {
      dnnl_primitive_attr attr = new dnnl_primitive_attr();
      check(dnnl_primitive_attr_create(attr), "attributes");
      try {
        check(
            dnnl_primitive_attr_set_scratchpad_mode(attr, dnnl_scratchpad_mode_user), "scratchpad");
        if (ops != null) {
          check(dnnl_primitive_attr_set_post_ops(attr, ops), "post-ops");
        }
        return attr;
      } catch (RuntimeException e) {
        dnnl_primitive_attr_destroy(attr);
        throw e;
      }
    }

    /** Whether oneDNN chose its reference (plain C++, very slow) implementation for {@code pd}. */
    static boolean isReference(dnnl_primitive_desc pd) {
      PointerPointer<BytePointer> info = new PointerPointer<>(1);
      return dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, info) == dnnl_success
          && info.get(BytePointer.class, 0).getString().startsWith("ref");
    }

    Step step(dnnl_primitive_desc pd, int[] kinds, Tensor... tensors) {
      reference |= isReference(pd);
      dnnl_primitive primitive = new dnnl_primitive();
      check(dnnl_primitive_create(primitive, pd), "primitive");
      primitives.add(primitive);
      dnnl_memory_desc_t scratchDesc = query(pd, dnnl_query_scratchpad_md);
      long scratchBytes = dnnl_memory_desc_get_size(scratchDesc);
      int count = kinds.length + (scratchBytes > 0 ? 1 : 0);
      dnnl_exec_arg_t args = new dnnl_exec_arg_t(count);
      buffers.add(args);
      for (int i = 0; i < kinds.length; i++) {
        args.position(i).arg(kinds[i]).memory(tensors[i].memory);
      }
      if (scratchBytes > 0) {
        args.position(kinds.length).arg(DNNL_ARG_SCRATCHPAD).memory(scratchpad(scratchDesc));
      }
      args.position(0);
      return new Step(primitive, args, count);
    }

    /** A memory object over the shared scratch buffer, grown (for every step) when too small. */
    private dnnl_memory scratchpad(dnnl_memory_desc_t desc) {
      long bytes = dnnl_memory_desc_get_size(desc);
      if (bytes > scratch.capacity() * Float.BYTES) {
        FloatPointer larger = new FloatPointer((bytes + Float.BYTES - 1) / Float.BYTES);
        for (dnnl_memory m : scratchpads) {
          check(dnnl_memory_set_data_handle(m, larger), "scratchpad");
        }
        scratch.close();
        scratch = larger;
      }
      dnnl_memory memory = new dnnl_memory();
      check(dnnl_memory_create(memory, desc, engine, scratch), "scratchpad");
      scratchpads.add(memory);
      return memory;
    }

    /** Runs the steps in order and waits for them. */
    void run(List<Step> steps) {
      for (Step s : steps) {
        int status = dnnl_primitive_execute(s.primitive(), stream, s.count(), s.args());
        if (status != dnnl_success) {
          check(status, "execution of " + describe(s.primitive()));
        }
      }
      check(dnnl_stream_wait(stream), "stream wait");
    }

    /** The kind and implementation of a primitive, for messages. */
    private static String describe(dnnl_primitive primitive) {
      PointerPointer<dnnl_primitive_desc> holder = new PointerPointer<>(1);
      if (dnnl_primitive_get_primitive_desc(primitive, holder) != dnnl_success) {
        return "a primitive";
      }
      dnnl_primitive_desc pd = holder.get(dnnl_primitive_desc.class, 0);
      PointerPointer<BytePointer> info = new PointerPointer<>(1);
      dnnl_primitive_desc_query(pd, dnnl_query_impl_info_str, 0, info);
      org.bytedeco.javacpp.IntPointer kind = new org.bytedeco.javacpp.IntPointer(1);
      dnnl_primitive_desc_query(pd, dnnl_query_primitive_kind, 0, kind);
      return "primitive kind "
          + kind.get()
          + " ("
          + info.get(BytePointer.class, 0).getString()
          + ")";
    }

    /** A reorder from one tensor's layout into another's, as a step. */
    Step reorder(Tensor from, Tensor to) {
      dnnl_primitive_desc pd = new dnnl_primitive_desc();
      dnnl_primitive_attr attr = attributes(null);
      try {
        check(
            dnnl_reorder_primitive_desc_create(pd, from.desc, engine, to.desc, engine, attr),
            "reorder");
      } finally {
        dnnl_primitive_attr_destroy(attr);
      }
      descs.add(pd);
      return step(pd, new int[] {DNNL_ARG_SRC, DNNL_ARG_DST}, from, to);
    }

    /**
     * A convolution (kept for a backward pass) with a leaky ReLU of slope {@code alpha} after it
     * (0: a ReLU).
     */
    dnnl_primitive_desc convolution(
        dnnl_memory_desc_t src,
        dnnl_memory_desc_t weights,
        dnnl_memory_desc_t bias,
        dnnl_memory_desc_t dst,
        long[] strides,
        long[] padLeft,
        long[] padRight,
        float alpha) {
      return withActivation(
          convolutionOp(src, weights, bias, dst, strides, padLeft, padRight), alpha, "convolution");
    }

    /** A convolution (kept for a backward pass) without activation; {@code bias} may be null. */
    dnnl_primitive_desc convolution(
        dnnl_memory_desc_t src,
        dnnl_memory_desc_t weights,
        dnnl_memory_desc_t bias,
        dnnl_memory_desc_t dst,
        long[] strides,
        long[] padLeft,
        long[] padRight) {
      return primitiveDesc(
          convolutionOp(src, weights, bias, dst, strides, padLeft, padRight), null, "convolution");
    }

    private static dnnl_convolution_desc_t convolutionOp(
        dnnl_memory_desc_t src,
        dnnl_memory_desc_t weights,
        dnnl_memory_desc_t bias,
        dnnl_memory_desc_t dst,
        long[] strides,
        long[] padLeft,
        long[] padRight) {
      dnnl_convolution_desc_t op = new dnnl_convolution_desc_t();
      check(
          dnnl_dilated_convolution_forward_desc_init(
              op,
              dnnl_forward_training,
              dnnl_convolution_direct,
              src,
              weights,
              bias,
              dst,
              strides,
              NONE,
              padLeft,
              padRight),
          "convolution");
      return op;
    }

    /**
     * The convolution's gradients with respect to its weights and bias ({@code diffBias} may be
     * null), given the forward one.
     */
    dnnl_primitive_desc convolutionBackwardWeights(
        dnnl_memory_desc_t src,
        dnnl_memory_desc_t diffWeights,
        dnnl_memory_desc_t diffBias,
        dnnl_memory_desc_t diffDst,
        long[] strides,
        long[] padLeft,
        long[] padRight,
        dnnl_primitive_desc forward) {
      dnnl_convolution_desc_t op = new dnnl_convolution_desc_t();
      check(
          dnnl_dilated_convolution_backward_weights_desc_init(
              op,
              dnnl_convolution_direct,
              src,
              diffWeights,
              diffBias,
              diffDst,
              strides,
              NONE,
              padLeft,
              padRight),
          "convolution backward weights");
      return primitiveDesc(op, forward, "convolution backward weights");
    }

    /** The fully connected layer's gradients with respect to its weights and bias. */
    dnnl_primitive_desc innerProductBackwardWeights(
        dnnl_memory_desc_t src,
        dnnl_memory_desc_t diffWeights,
        dnnl_memory_desc_t diffBias,
        dnnl_memory_desc_t diffDst,
        dnnl_primitive_desc forward) {
      dnnl_inner_product_desc_t op = new dnnl_inner_product_desc_t();
      check(
          dnnl_inner_product_backward_weights_desc_init(op, src, diffWeights, diffBias, diffDst),
          "inner product backward weights");
      return primitiveDesc(op, forward, "inner product backward weights");
    }

    /**
     * Batch normalisation with the batch's statistics (written to the mean and variance arguments),
     * a scale and a shift.
     */
    dnnl_primitive_desc batchNormTraining(dnnl_memory_desc_t data, float epsilon) {
      dnnl_batch_normalization_desc_t op = new dnnl_batch_normalization_desc_t();
      check(
          dnnl_batch_normalization_forward_desc_init(
              op, dnnl_forward_training, data, epsilon, dnnl_use_scale | dnnl_use_shift),
          "batch norm");
      return primitiveDesc(op, null, "batch norm");
    }

    /** Batch normalisation's gradients (input, scale, shift), given the forward one. */
    dnnl_primitive_desc batchNormBackward(
        dnnl_memory_desc_t data, float epsilon, dnnl_primitive_desc forward) {
      dnnl_batch_normalization_desc_t op = new dnnl_batch_normalization_desc_t();
      check(
          dnnl_batch_normalization_backward_desc_init(
              op, dnnl_backward, data, data, epsilon, dnnl_use_scale | dnnl_use_shift),
          "batch norm backward");
      return primitiveDesc(op, forward, "batch norm backward");
    }

    /** A leaky ReLU of slope {@code alpha} whose backward pass uses its output. */
    dnnl_primitive_desc leakyRelu(dnnl_memory_desc_t data, float alpha) {
      dnnl_eltwise_desc_t op = new dnnl_eltwise_desc_t();
      check(
          dnnl_eltwise_forward_desc_init(
              op, dnnl_forward_training, dnnl_eltwise_relu_use_dst_for_bwd, data, alpha, 0f),
          "leaky ReLU");
      return primitiveDesc(op, null, "leaky ReLU");
    }

    /** A forward primitive with a (leaky) ReLU of slope {@code alpha} after it, as a post-op. */
    private dnnl_primitive_desc withActivation(Pointer op, float alpha, String what) {
      dnnl_post_ops ops = new dnnl_post_ops();
      check(dnnl_post_ops_create(ops), "post-ops");
      try {
        check(dnnl_post_ops_append_eltwise(ops, 1f, dnnl_eltwise_relu, alpha, 0f), "ReLU");
        return primitiveDesc(op, ops, null, what);
      } finally {
        dnnl_post_ops_destroy(ops);
      }
    }

    /**
     * A fully connected layer (kept for a backward pass) with a ReLU after it; a 4-dimensional
     * {@code src} is flattened channel by channel, as DL4J flattens NCHW.
     */
    dnnl_primitive_desc innerProduct(
        dnnl_memory_desc_t src,
        dnnl_memory_desc_t weights,
        dnnl_memory_desc_t bias,
        dnnl_memory_desc_t dst) {
      dnnl_inner_product_desc_t op = new dnnl_inner_product_desc_t();
      check(
          dnnl_inner_product_forward_desc_init(op, dnnl_forward_training, src, weights, bias, dst),
          "inner product");
      return withActivation(op, 0f, "inner product");
    }

    /** The fully connected layer's gradient with respect to its input, given the forward one. */
    dnnl_primitive_desc innerProductBackwardData(
        dnnl_memory_desc_t diffSrc,
        dnnl_memory_desc_t weights,
        dnnl_memory_desc_t diffDst,
        dnnl_primitive_desc forward) {
      dnnl_inner_product_desc_t op = new dnnl_inner_product_desc_t();
      check(
          dnnl_inner_product_backward_data_desc_init(op, diffSrc, weights, diffDst),
          "inner product backward");
      return primitiveDesc(op, forward, "inner product backward");
    }

    /** Max pooling (kept for a backward pass: its workspace records where each maximum was). */
    dnnl_primitive_desc maxPooling(
        dnnl_memory_desc_t src, dnnl_memory_desc_t dst, long[] kernel, long[] strides) {
      dnnl_pooling_v2_desc_t op = new dnnl_pooling_v2_desc_t();
      check(
          dnnl_pooling_v2_forward_desc_init(
              op,
              dnnl_forward_training,
              dnnl_pooling_max,
              src,
              dst,
              strides,
              kernel,
              NONE,
              NONE,
              NONE),
          "max pooling");
      return primitiveDesc(op, null, "max pooling");
    }

    /** Max pooling's gradient with respect to its input, given the forward one. */
    dnnl_primitive_desc maxPoolingBackward(
        dnnl_memory_desc_t diffSrc,
        dnnl_memory_desc_t diffDst,
        long[] kernel,
        long[] strides,
        dnnl_primitive_desc forward) {
      dnnl_pooling_v2_desc_t op = new dnnl_pooling_v2_desc_t();
      check(
          dnnl_pooling_v2_backward_desc_init(
              op, dnnl_pooling_max, diffSrc, diffDst, strides, kernel, NONE, NONE, NONE),
          "max pooling backward");
      return primitiveDesc(op, forward, "max pooling backward");
    }

    /** The convolution's gradient with respect to its input, given the forward one. */
    dnnl_primitive_desc convolutionBackwardData(
        dnnl_memory_desc_t diffSrc,
        dnnl_memory_desc_t weights,
        dnnl_memory_desc_t diffDst,
        long[] strides,
        long[] padLeft,
        long[] padRight,
        dnnl_primitive_desc forward) {
      dnnl_convolution_desc_t op = new dnnl_convolution_desc_t();
      check(
          dnnl_dilated_convolution_backward_data_desc_init(
              op,
              dnnl_convolution_direct,
              diffSrc,
              weights,
              diffDst,
              strides,
              NONE,
              padLeft,
              padRight),
          "convolution backward");
      return primitiveDesc(op, forward, "convolution backward");
    }

    /**
     * The (leaky) ReLU's backward pass computed from its output (valid for a slope of 0 or more: a
     * positive output means a positive input).
     */
    dnnl_primitive_desc leakyReluBackward(dnnl_memory_desc_t data, float alpha) {
      dnnl_primitive_desc hint = leakyRelu(data, alpha);
      dnnl_eltwise_desc_t op = new dnnl_eltwise_desc_t();
      check(
          dnnl_eltwise_backward_desc_init(
              op, dnnl_eltwise_relu_use_dst_for_bwd, data, data, alpha, 0f),
          "leaky ReLU backward");
      return primitiveDesc(op, hint, "leaky ReLU backward");
    }

    /** Elementwise {@code a + b} into {@code dst} (all three of one layout). */
    Step add(Tensor a, Tensor b, Tensor dst) {
      dnnl_binary_desc_t op = new dnnl_binary_desc_t();
      check(dnnl_binary_desc_init(op, dnnl_binary_add, a.desc, b.desc, dst.desc), "add");
      return step(
          primitiveDesc(op, null, "add"),
          new int[] {DNNL_ARG_SRC_0, DNNL_ARG_SRC_1, DNNL_ARG_DST},
          a,
          b,
          dst);
    }

    /** Runs one step now (weight reorders at set-up). */
    void runNow(Step step) {
      run(List.of(step));
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      scratchpads.forEach(m -> dnnl_memory_destroy(m));
      scratch.close();
      primitives.forEach(p -> dnnl_primitive_destroy(p));
      descs.forEach(d -> dnnl_primitive_desc_destroy(d));
      memories.forEach(m -> dnnl_memory_destroy(m));
      buffers.forEach(Pointer::close);
      dnnl_stream_destroy(stream);
      primitives.clear();
      descs.clear();
      memories.clear();
      buffers.clear();
    }
  }
}
