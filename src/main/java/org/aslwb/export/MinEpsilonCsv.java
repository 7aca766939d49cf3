package org.aslwb.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aslwb.attack.ImageEpsilon;
import org.aslwb.attack.MinimalEpsilonResult;

/**
 * {@code min_eps.csv}: the minimal flipping FGSM epsilon of every attacked image, header {@value
 * #HEADER}; {@code status} is {@code flipped}, {@code never} (not flipped up to the budget: empty
 * eps) or {@code misclassified} (wrong before the attack: empty eps).
 */
public final class MinEpsilonCsv {
  /** The header row. */
  public static final String HEADER = "model,file,class,eps,status,adversarial_class,budget";

  private MinEpsilonCsv() {}

  /** The results as CSV text. */
  public static String of(List<MinimalEpsilonResult> results) {
    Csv csv = new Csv().row(List.of(HEADER.split(",")));
    for (MinimalEpsilonResult r : results) {
      for (ImageEpsilon i : r.images()) {
        String status = i.flipped() ? "flipped" : i.misclassified() ? "misclassified" : "never";
        csv.row(
            r.model(),
            i.file(),
            i.trueClass(),
            i.flipped() ? i.epsilon() : null,
            status,
            i.adversarialClass(),
            r.budget());
      }
    }
    return csv.toString();
  }

  /** Writes the results to {@code file}. */
  public static void write(List<MinimalEpsilonResult> results, Path file) throws IOException {
    Files.writeString(file, of(results));
  }
}
