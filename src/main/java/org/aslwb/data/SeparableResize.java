package org.aslwb.data;

/**
 * One plane's separable resize from {@code srcWidth x srcHeight} to {@code dstWidth x dstHeight},
 * with its scratch rows: load a plane (or three), run, and read the output rows as they come.
 *
 * <p>Why the layout. The horizontal pass mixes neighbouring columns; done along rows it reads each
 * output's taps from a different place, a loop the JIT cannot vectorise and the slowest part of a
 * resize. So the plane is loaded transposed, one array per source column, and the horizontal pass
 * becomes whole columns scaled and added (vectorised); its result is transposed back to one array
 * per row for the vertical pass, which adds whole rows. Every array starts at index 0 because loops
 * over several arrays at differing offsets run at less than half the speed on Java 17.
 *
 * <p>Not thread-safe: {@link #of} hands each thread its own, kept for the next image of the same
 * size when the scratch is small (a data set's photos all share one size). Nor reentrant: a row
 * sink must not start another resize on its thread (the {@link Resampler}'s sinks only copy).
 */
final class SeparableResize {
  /** Scratch up to this many floats (4 MB) is kept per thread; larger images allocate per call. */
  private static final long KEPT_FLOATS = 1L << 20;

  private static final ThreadLocal<SeparableResize> KEPT = new ThreadLocal<>();

  /** Receives output row {@code y}; the array is reused for the next row. */
  interface RowSink {
    void row(int y, float[] row);
  }

  private final int srcWidth;
  private final int srcHeight;
  private final Taps xs;
  private final Taps ys;
  private final float[][][] planes; // [plane][source x][source y]
  private final float[][] narrowColumns; // [output x][source y]
  private final float[][] narrowRows; // [source y][output x]
  private final float[] row; // one output row

  private SeparableResize(int srcWidth, int srcHeight, int dstWidth, int dstHeight, int planes) {
    this.srcWidth = srcWidth;
    this.srcHeight = srcHeight;
    this.xs = Taps.of(srcWidth, dstWidth);
    this.ys = Taps.of(srcHeight, dstHeight);
    this.planes = new float[planes][srcWidth][srcHeight];
    this.narrowColumns = new float[dstWidth][srcHeight];
    this.narrowRows = new float[srcHeight][dstWidth];
    this.row = new float[dstWidth];
  }

  /** This thread's resize for these sizes, with room to load {@code planes} planes (1 or 3). */
  static SeparableResize of(int srcWidth, int srcHeight, int dstWidth, int dstHeight, int planes) {
    SeparableResize kept = KEPT.get();
    if (kept != null && kept.fits(srcWidth, srcHeight, dstWidth, dstHeight, planes)) {
      return kept;
    }
    SeparableResize made = new SeparableResize(srcWidth, srcHeight, dstWidth, dstHeight, planes);
    long floats = (long) srcHeight * ((long) planes * srcWidth + 2L * dstWidth);
    if (floats <= KEPT_FLOATS) {
      KEPT.set(made);
    }
    return made;
  }

  private boolean fits(int srcWidth, int srcHeight, int dstWidth, int dstHeight, int planes) {
    return this.srcWidth == srcWidth
        && this.srcHeight == srcHeight
        && xs.size() == dstWidth
        && ys.size() == dstHeight
        && this.planes.length >= planes;
  }

  /**
   * Loads the three byte channels of packed 0xRRGGBB pixels on the [0,1] scale as planes 0, 1, 2.
   * One pass over the pixels, column by column: each column's arrays are then written in order.
   */
  void loadRgb(int[] packed) {
    float[] value = Levels.VALUE;
    for (int x = 0; x < srcWidth; x++) {
      float[] r = planes[0][x];
      float[] g = planes[1][x];
      float[] b = planes[2][x];
      for (int y = 0, at = x; y < srcHeight; y++, at += srcWidth) {
        int p = packed[at];
        r[y] = value[(p >> 16) & 0xFF];
        g[y] = value[(p >> 8) & 0xFF];
        b[y] = value[p & 0xFF];
      }
    }
  }

  /** Loads the row-major plane that starts at {@code offset} as plane 0. */
  void loadPlane(float[] data, int offset) {
    for (int x = 0; x < srcWidth; x++) {
      float[] column = planes[0][x];
      for (int y = 0, at = offset + x; y < srcHeight; y++, at += srcWidth) {
        column[y] = data[at];
      }
    }
  }

  /** Resizes loaded plane {@code p}, handing each output row to {@code sink} in order. */
  void run(int p, RowSink sink) {
    for (int x = 0; x < xs.size(); x++) {
      weightedSum(planes[p], xs.start[x], xs.weights[x], narrowColumns[x]);
    }
    for (int y = 0; y < srcHeight; y++) {
      float[] to = narrowRows[y];
      for (int x = 0; x < to.length; x++) {
        to[x] = narrowColumns[x][y];
      }
    }
    for (int y = 0; y < ys.size(); y++) {
      weightedSum(narrowRows, ys.start[y], ys.weights[y], row);
      sink.row(y, row);
    }
  }

  /** {@code out = 0 + w[0] * lines[first] + w[1] * lines[first + 1] + ...}, element-wise. */
  private static void weightedSum(float[][] lines, int first, float[] weights, float[] out) {
    float w0 = weights[0];
    float[] line = lines[first];
    for (int i = 0; i < out.length; i++) {
      out[i] = 0f + w0 * line[i]; // 0 + keeps a -0 product at +0, as a sum from zero does
    }
    for (int k = 1; k < weights.length; k++) {
      float w = weights[k];
      float[] next = lines[first + k];
      for (int i = 0; i < out.length; i++) {
        out[i] += w * next[i];
      }
    }
  }

  /**
   * Per output index: the first source index and the weights of the sources it mixes (box weights
   * when shrinking, bilinear ones when enlarging).
   */
  record Taps(int[] start, float[][] weights) {
    int size() {
      return start.length;
    }

    static Taps of(int src, int dst) {
      int[] start = new int[dst];
      float[][] weights = new float[dst][];
      double scale = (double) src / dst;
      for (int i = 0; i < dst; i++) {
        if (scale >= 1) {
          double from = i * scale;
          double to = from + scale;
          int first = (int) Math.floor(from);
          int last = Math.min(src - 1, (int) Math.ceil(to) - 1);
          float[] w = new float[last - first + 1];
          for (int k = first; k <= last; k++) {
            double covered = Math.min(to, k + 1) - Math.max(from, k);
            w[k - first] = (float) (covered / scale);
          }
          start[i] = first;
          weights[i] = w;
        } else {
          double centre = (i + 0.5) * scale - 0.5;
          int first = (int) Math.floor(centre);
          float frac = (float) (centre - first);
          int lo = Math.max(0, Math.min(src - 1, first));
          int hi = Math.max(0, Math.min(src - 1, first + 1));
          start[i] = lo;
          weights[i] = lo == hi ? new float[] {1f} : new float[] {1 - frac, frac};
        }
      }
      return new Taps(start, weights);
    }
  }
}
