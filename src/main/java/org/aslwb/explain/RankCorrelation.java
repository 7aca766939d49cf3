package org.aslwb.explain;

import java.util.Arrays;

/** Spearman's rank correlation, ties given their mean rank. */
public final class RankCorrelation {
  private RankCorrelation() {}

  /** Spearman's rho of {@code a} and {@code b} (NaN when either is constant). */
  public static double spearman(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("rank correlation needs two series of one length");
    }
    double[] ra = ranks(a);
    double[] rb = ranks(b);
    double ma = Arrays.stream(ra).average().orElse(0);
    double mb = Arrays.stream(rb).average().orElse(0);
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (ra[i] - ma) * (rb[i] - mb);
      saa += (ra[i] - ma) * (ra[i] - ma);
      sbb += (rb[i] - mb) * (rb[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }

  /** 1-based ranks, ties sharing their mean rank. */
  static double[] ranks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
    double[] ranks = new double[v.length];
    for (int i = 0; i < v.length; ) {
      int j = i;
      while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      double mean = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = mean;
      }
      i = j + 1;
    }
    return ranks;
  }
}
