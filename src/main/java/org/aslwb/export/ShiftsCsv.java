package org.aslwb.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.aslwb.evaluation.ShiftReport;

/**
 * {@code shifts.csv}: {@value #HEADER}; one row per corruption and severity with the clean accuracy
 * beside it, then the clean row and the mean over shifts.
 */
public final class ShiftsCsv {
  /** The header row. */
  public static final String HEADER = "shift,severity,setting,accuracy,clean_accuracy";

  private ShiftsCsv() {}

  /** The suite's table as CSV text. */
  public static String of(ShiftReport r) {
    Csv csv = new Csv().row(List.of(HEADER.split(",")));
    String clean = fixed(r.cleanAccuracy());
    for (ShiftReport.Score s : r.scores()) {
      csv.row(s.shift(), s.severity(), s.setting(), fixed(s.accuracy()), clean);
    }
    csv.row("clean", 0, "none", clean, clean);
    return csv.row("mean over shifts", "", "all", fixed(r.meanAccuracy()), clean).toString();
  }

  /** Writes the table to {@code file}. */
  public static void write(ShiftReport r, Path file) throws IOException {
    Files.writeString(file, of(r));
  }

  private static String fixed(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
