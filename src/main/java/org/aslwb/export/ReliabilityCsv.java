package org.aslwb.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.aslwb.evaluation.CalibrationReport;
import org.aslwb.evaluation.ReliabilityBin;

/**
 * {@code reliability.csv}: {@value #HEADER}, one row per confidence bin of the reliability diagram;
 * an empty bin leaves its mean confidence and accuracy blank.
 */
public final class ReliabilityCsv {
  /** The header row. */
  public static final String HEADER = "bin_lower,bin_upper,count,mean_confidence,accuracy";

  private ReliabilityCsv() {}

  /** The diagram's bins as CSV text. */
  public static String of(CalibrationReport r) {
    Csv csv = new Csv().row(List.of(HEADER.split(",")));
    for (ReliabilityBin b : r.bins()) {
      boolean empty = b.count() == 0;
      csv.row(
          String.format(Locale.ROOT, "%.4f", b.lower()),
          String.format(Locale.ROOT, "%.4f", b.upper()),
          b.count(),
          empty ? "" : b.meanConfidence(),
          empty ? "" : b.accuracy());
    }
    return csv.toString();
  }

  /** Writes the diagram's bins to {@code file}. */
  public static void write(CalibrationReport r, Path file) throws IOException {
    Files.writeString(file, of(r));
  }
}
