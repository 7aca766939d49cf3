package org.aslwb.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aslwb.attack.ImageEpsilon;
import org.aslwb.attack.MinimalEpsilonResult;
import org.aslwb.attack.TransferMatrix;

/** What {@code attack --min-eps} and {@code --transfer-to} print: log lines and JSON. */
final class RobustnessLog {
  private static final int BINS = 10;
  private static final int FRAGILE = 5;

  private RobustnessLog() {}

  static void minimalEpsilon(MinimalEpsilonResult m) {
    Output.say(
        "%s minimal FGSM epsilon over %d images (budget %.3f, tolerance 1/255, %.2f s): median"
            + " %s; %d never flipped, %d misclassified before the attack; %d flipped under one"
            + " grey level (eps < 1/255: lost when saved as 8-bit)",
        m.model(),
        m.images().size(),
        m.budget(),
        m.seconds(),
        describe(m.median()),
        m.neverFlipped(),
        m.misclassified(),
        m.belowOneGreyLevel());
    long[] h = m.histogram(BINS);
    StringBuilder line = new StringBuilder("  histogram (bins of " + m.budget() / BINS + "):");
    for (long c : h) {
      line.append(' ').append(c);
    }
    Output.say("%s", line);
    for (ImageEpsilon i : m.mostFragile(FRAGILE)) {
      Output.say(
          "  fragile: %s (%s) flips to %s at eps %.3g",
          i.file(), i.trueClass(), i.adversarialClass(), i.epsilon());
    }
  }

  static void transfer(TransferMatrix.Result t) {
    Output.say(
        "transfer at eps %.4f (%s, %d images): accuracy of the column's model on images made on"
            + " the row's",
        t.epsilon(), t.method(), t.images());
    for (int s = 0; s < t.models().size(); s++) {
      StringBuilder line = new StringBuilder("  " + t.models().get(s) + ":");
      for (int c = 0; c < t.models().size(); c++) {
        line.append(String.format(" %s %.4f", t.models().get(c), t.accuracy()[s][c]));
      }
      Output.say("%s", line);
    }
  }

  private static String describe(double median) {
    return Double.isNaN(median)
        ? "none (no correctly classified image)"
        : Double.isInfinite(median)
            ? "above the budget (half or more never flipped)"
            : String.format("%.4f", median);
  }

  static Map<String, Object> json(MinimalEpsilonResult m) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("model", m.model());
    o.put("images", m.images().size());
    o.put("budget", m.budget());
    o.put("median", Double.isFinite(m.median()) ? m.median() : null);
    o.put("never_flipped", m.neverFlipped());
    o.put("misclassified", m.misclassified());
    o.put("below_one_grey_level", m.belowOneGreyLevel());
    o.put("histogram", m.histogram(BINS));
    o.put(
        "most_fragile",
        m.mostFragile(FRAGILE).stream()
            .map(i -> List.of(i.file(), i.trueClass(), i.adversarialClass(), i.epsilon()))
            .toList());
    o.put("seconds", m.seconds());
    return o;
  }

  static Map<String, Object> json(TransferMatrix.Result t) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("models", t.models());
    o.put("method", t.method());
    o.put("eps", t.epsilon());
    o.put("images", t.images());
    o.put("accuracy", t.accuracy());
    return o;
  }
}
