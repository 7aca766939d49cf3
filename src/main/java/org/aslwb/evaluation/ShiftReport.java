package org.aslwb.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * A shift suite's result: clean accuracy and the accuracy under each corruption and severity.
 *
 * @param split the split scored ("val" or "all")
 * @param images how many images were scored
 * @param seed the seed of the corruptions' random draws
 * @param cleanAccuracy accuracy on the untouched images
 * @param scores one row per corruption and severity
 * @param seconds wall time
 */
public record ShiftReport(
    String split, int images, long seed, double cleanAccuracy, List<Score> scores, double seconds) {

  /**
   * Accuracy under one corruption at one severity.
   *
   * @param shift the corruption's name
   * @param severity 1..3
   * @param setting the corruption's parameter at that severity, as text
   * @param accuracy accuracy over the corrupted images
   */
  public record Score(String shift, int severity, String setting, double accuracy) {}

  /** A copy that owns its rows. */
  public ShiftReport {
    scores = List.copyOf(scores);
  }

  /** The mean accuracy over every corruption and severity. */
  public double meanAccuracy() {
    return scores.stream().mapToDouble(Score::accuracy).average().orElse(Double.NaN);
  }

  /** A fixed-width table for a terminal: one line per corruption, severities across. */
  public String toTable() {
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "shift suite over %d images (%s split, seed %d): clean accuracy %.4f%n",
                images,
                split,
                seed,
                cleanAccuracy));
    s.append(String.format(Locale.ROOT, "%-14s %8s %8s %8s%n", "shift", "sev 1", "sev 2", "sev 3"));
    for (int i = 0; i < scores.size(); i += 3) {
      s.append(String.format(Locale.ROOT, "%-14s", scores.get(i).shift()));
      for (int k = i; k < Math.min(scores.size(), i + 3); k++) {
        s.append(String.format(Locale.ROOT, " %8.4f", scores.get(k).accuracy()));
      }
      s.append('\n');
    }
    s.append(String.format(Locale.ROOT, "mean over shifts %.4f (%.1f s)", meanAccuracy(), seconds));
    return s.toString();
  }
}
