package org.aslwb.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.aslwb.evaluation.ClassMetrics;
import org.aslwb.evaluation.ConfusionMatrix;

/** {@code per_class.csv}: {@value #HEADER}, one row per class of the data set. */
public final class PerClassCsv {
  /** The header row. */
  public static final String HEADER = "class,precision,recall,f1,support";

  private PerClassCsv() {}

  /** The per-class table of {@code m} as CSV text. */
  public static String of(ConfusionMatrix m) {
    Csv csv = new Csv().row(List.of(HEADER.split(",")));
    for (ClassMetrics c : m.perClass()) {
      csv.row(c.className(), fixed(c.precision()), fixed(c.recall()), fixed(c.f1()), c.support());
    }
    return csv.toString();
  }

  private static String fixed(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** Writes the table to {@code file}. */
  public static void write(ConfusionMatrix m, Path file) throws IOException {
    Files.writeString(file, of(m));
  }
}
