package org.aslwb.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aslwb.attack.MinimalEpsilonResult;
import org.aslwb.attack.SweepResult;
import org.aslwb.attack.TransferMatrix;
import org.aslwb.data.PixelImage;

/** The Attack artefacts of {@code aslwb attack --out} and the Attack tab's export, one writer. */
public final class AttackFiles {
  private AttackFiles() {}

  /**
   * Writes curve.csv, per_class.csv and curve.png of {@code curves} into {@code dir} (made if
   * missing) and, when {@code adversarial} is not null, adversarial.png.
   */
  public static void write(Path dir, List<SweepResult> curves, PixelImage adversarial)
      throws IOException {
    Files.createDirectories(dir);
    CurveCsv.write(curves, dir.resolve("curve.csv"));
    RobustPerClassCsv.write(curves, dir.resolve("per_class.csv"));
    CurveChart.write(curves, dir.resolve("curve.png"));
    if (adversarial != null) {
      Png.write(Png.image(adversarial), dir.resolve("adversarial.png"));
    }
  }

  /**
   * Writes min_eps.csv of {@code minimal} (unless empty) and transfer.csv of {@code transfer}
   * (unless null) into {@code dir} (made if missing).
   */
  public static void writeRobustness(
      Path dir, List<MinimalEpsilonResult> minimal, TransferMatrix.Result transfer)
      throws IOException {
    Files.createDirectories(dir);
    if (!minimal.isEmpty()) {
      MinEpsilonCsv.write(minimal, dir.resolve("min_eps.csv"));
    }
    if (transfer != null) {
      TransferCsv.write(transfer, dir.resolve("transfer.csv"));
    }
  }
}
