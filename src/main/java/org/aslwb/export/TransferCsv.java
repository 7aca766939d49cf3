package org.aslwb.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aslwb.attack.TransferMatrix;

/**
 * {@code transfer.csv}: the transfer matrix, one row per (source, scored-by) pair, header {@value
 * #HEADER}: the accuracy of {@code scored_by} on adversarial images made on {@code source}.
 */
public final class TransferCsv {
  /** The header row. */
  public static final String HEADER = "source,scored_by,method,eps,images,accuracy";

  private TransferCsv() {}

  /** The matrix as CSV text. */
  public static String of(TransferMatrix.Result r) {
    Csv csv = new Csv().row(List.of(HEADER.split(",")));
    for (int s = 0; s < r.models().size(); s++) {
      for (int t = 0; t < r.models().size(); t++) {
        csv.row(
            r.models().get(s),
            r.models().get(t),
            r.method(),
            r.epsilon(),
            r.images(),
            r.accuracy()[s][t]);
      }
    }
    return csv.toString();
  }

  /** Writes the matrix to {@code file}. */
  public static void write(TransferMatrix.Result r, Path file) throws IOException {
    Files.writeString(file, of(r));
  }
}
