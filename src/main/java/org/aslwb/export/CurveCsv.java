package org.aslwb.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aslwb.attack.CurvePoint;
import org.aslwb.attack.SweepResult;

/**
 * {@code curve.csv}: one row per (model, epsilon), whatever the number of curves, with the header
 * {@value #HEADER}. {@code target} is empty for untargeted attacks; eps is on the [0,1] pixel
 * scale, eps_normalised on the model's standardised input scale.
 */
public final class CurveCsv {
  /** The header row. */
  public static final String HEADER =
      "model,method,target,eps,eps_normalised,accuracy,mean_linf,success_rate,mean_l2";

  private CurveCsv() {}

  /** The curves as CSV text. */
  public static String of(List<SweepResult> curves) {
    Csv csv = new Csv().row(List.of(HEADER.split(",")));
    for (SweepResult r : curves) {
      for (CurvePoint p : r.points()) {
        csv.row(
            r.model(),
            r.method(),
            r.targetClass(),
            p.epsilon(),
            p.epsilonNormalised(),
            p.accuracy(),
            p.meanLinf(),
            p.successRate(),
            p.meanL2());
      }
    }
    return csv.toString();
  }

  /** Writes the curves to {@code file}. */
  public static void write(List<SweepResult> curves, Path file) throws IOException {
    Files.writeString(file, of(curves));
  }
}
