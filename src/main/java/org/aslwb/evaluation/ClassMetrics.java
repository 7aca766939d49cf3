package org.aslwb.evaluation;

/**
 * Per-class scores.
 *
 * @param className the class
 * @param precision correct predictions of the class over all predictions of it
 * @param recall correct predictions of the class over its images
 * @param f1 harmonic mean of precision and recall
 * @param support images of the class
 */
public record ClassMetrics(
    String className, double precision, double recall, double f1, long support) {
  /** CSV header matching {@link #toCsvRow()}. */
  public static final String CSV_HEADER = "class,precision,recall,f1,support";

  /** One CSV row. */
  public String toCsvRow() {
    return String.format(
        java.util.Locale.ROOT, "%s,%.4f,%.4f,%.4f,%d", className, precision, recall, f1, support);
  }
}
