package org.aslwb.ui;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Stalls of the FX thread from intervals in which it could not run: each probe's wait (from its
 * post to its run) and each collector pause. Overlapping intervals are one stall (the probes posted
 * during a long pulse all run when it ends; a pause that began while a probe waited lengthens that
 * wait), so a stall is counted once, as long as it lasted.
 */
final class Stalls {
  private Stalls() {}

  /**
   * The lengths of the merged intervals, in nanoseconds, in order of their start.
   *
   * @param intervals each {start, end} on one clock, end not before start
   */
  static long[] merged(long[][] intervals) {
    if (intervals.length == 0) {
      return new long[0];
    }
    long[][] sorted = intervals.clone();
    Arrays.sort(sorted, Comparator.comparingLong(i -> i[0]));
    long[] lengths = new long[sorted.length];
    int n = 0;
    long start = sorted[0][0];
    long end = sorted[0][1];
    for (long[] next : sorted) {
      if (next[0] > end) { // a gap: the stall so far ended
        lengths[n++] = end - start;
        start = next[0];
      }
      end = Math.max(end, next[1]);
    }
    lengths[n++] = end - start;
    return Arrays.copyOf(lengths, n);
  }
}
