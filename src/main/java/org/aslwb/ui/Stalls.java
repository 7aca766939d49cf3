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
    long[][] sorted = intervals.clone();
    Arrays.sort(sorted, Comparator.comparingLong(i -> i[0]));
    long[] lengths = new long[sorted.length];
    int n = 0;
    long start = 0;
    long end = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i > 0 && sorted[i][0] <= end) {
        end = Math.max(end, sorted[i][1]);
        continue;
      }
      if (i > 0) {
        lengths[n++] = end - start;
      }
      start = sorted[i][0];
      end = sorted[i][1];
    }
    if (sorted.length > 0) {
      lengths[n++] = end - start;
    }
    return Arrays.copyOf(lengths, n);
  }
}
