package org.aslwb.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aslwb.evaluation.ConfusionMatrix;

/**
 * {@code confusion.csv}: a header {@code true\predicted,<class>...,other} and one row of counts per
 * true class; "other" counts predictions of model classes the data set lacks.
 */
public final class ConfusionCsv {
  private ConfusionCsv() {}

  /** The matrix as CSV text. */
  public static String of(ConfusionMatrix m) {
    List<Object> header = new ArrayList<>();
    header.add("true\\predicted");
    header.addAll(m.classNames());
    header.add("other");
    Csv csv = new Csv().row(header);
    for (int r = 0; r < m.size(); r++) {
      List<Object> row = new ArrayList<>();
      row.add(m.classNames().get(r));
      for (int c = 0; c <= m.size(); c++) {
        row.add(m.count(r, c));
      }
      csv.row(row);
    }
    return csv.toString();
  }

  /** Writes the matrix to {@code file}. */
  public static void write(ConfusionMatrix m, Path file) throws IOException {
    Files.writeString(file, of(m));
  }
}
