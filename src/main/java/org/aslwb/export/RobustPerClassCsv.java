package org.aslwb.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aslwb.attack.CurvePoint;
import org.aslwb.attack.SweepResult;

/**
 * The attack's {@code per_class.csv}, beside {@code curve.csv}: robust accuracy per true class, one
 * row per (model, epsilon, class), header {@value #HEADER}. A class without images has an empty
 * accuracy.
 */
public final class RobustPerClassCsv {
  /** The header row. */
  public static final String HEADER = "model,method,target,eps,class,images,accuracy";

  private RobustPerClassCsv() {}

  /** The curves' per-class accuracies as CSV text. */
  public static String of(List<SweepResult> curves) {
    Csv csv = new Csv().row(List.of(HEADER.split(",")));
    for (SweepResult r : curves) {
      for (CurvePoint p : r.points()) {
        for (int c = 0; c < r.classNames().size(); c++) {
          long images = 0;
          for (long n : p.confusion()[c]) {
            images += n;
          }
          double a = p.perClassAccuracy()[c];
          csv.row(
              r.model(),
              r.method(),
              r.targetClass(),
              p.epsilon(),
              r.classNames().get(c),
              images,
              Double.isNaN(a) ? null : a);
        }
      }
    }
    return csv.toString();
  }

  /** Writes the table to {@code file}. */
  public static void write(List<SweepResult> curves, Path file) throws IOException {
    Files.writeString(file, of(curves));
  }
}
