package org.aslwb.report;

/**
 * What the report computes besides the model card.
 *
 * @param split "val" (the model's own validation split; all images when the data differ) or "all"
 * @param attackLimit FGSM attacks the first N images of the split (a few hundred keep the report
 *     under a minute on the CNN)
 * @param epsilons FGSM budgets on the [0,1] pixel scale
 * @param seed seed of the LIME perturbations (FGSM draws nothing)
 * @param limeSamples LIME samples per image
 * @param shownSuperpixels superpixels coloured in each LIME overlay
 */
public record ReportSettings(
    String split,
    int attackLimit,
    double[] epsilons,
    long seed,
    int limeSamples,
    int shownSuperpixels) {
  /** The sweep's budgets, the CLI attack's defaults. */
  public static final double[] DEFAULT_EPSILONS = {
    0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3
  };

  /** Checks the ranges. */
  public ReportSettings {
    if (!"val".equals(split) && !"all".equals(split)) {
      throw new IllegalArgumentException("the split must be val or all, not " + split);
    }
    if (attackLimit < 1) {
      throw new IllegalArgumentException("the attack needs at least 1 image");
    }
    for (double e : epsilons) {
      if (!(e >= 0 && e <= 1)) {
        throw new IllegalArgumentException("epsilon " + e + " is outside [0, 1]");
      }
    }
    if (limeSamples < 2 || shownSuperpixels < 1) {
      throw new IllegalArgumentException("LIME needs 2 samples and 1 shown superpixel at least");
    }
    epsilons = epsilons.clone();
  }

  /** The validation split, 300 attacked images, the default budgets, seed 42, 1000 samples. */
  public static ReportSettings defaults() {
    return new ReportSettings("val", 300, DEFAULT_EPSILONS, 42, 1000, 5);
  }
}
