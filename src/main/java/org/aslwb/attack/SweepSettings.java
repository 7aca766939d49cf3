package org.aslwb.attack;

import java.util.Arrays;
import org.aslwb.task.SettingChecks;

/**
 * What a robustness sweep covers, checked before any model is loaded: the epsilons (each a finite
 * number in [0, 1] on the pixel scale) and how many of the chosen images to attack.
 *
 * @param epsilons the L-infinity budgets on the [0,1] pixel scale
 * @param limit attack only the first {@code limit} images; 0 for all of them
 */
public record SweepSettings(double[] epsilons, int limit) {
  /** Validates, naming each setting as the CLI option does. */
  public SweepSettings {
    if (epsilons.length == 0) {
      throw new IllegalArgumentException("eps needs at least one value");
    }
    for (double e : epsilons) {
      SettingChecks.between("eps", e, 0, true, 1, true);
    }
    SettingChecks.atLeast("limit", limit, 0);
    epsilons = epsilons.clone();
  }

  /** The images to attack: the first {@code limit} of {@code indices}, or all when limit is 0. */
  public int[] firstImages(int[] indices) {
    return limit > 0 && limit < indices.length ? Arrays.copyOf(indices, limit) : indices;
  }

  @Override
  public double[] epsilons() {
    return epsilons.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SweepSettings s && s.limit == limit && Arrays.equals(s.epsilons, epsilons);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(epsilons) + limit;
  }

  @Override
  public String toString() {
    return "SweepSettings[epsilons=" + Arrays.toString(epsilons) + ", limit=" + limit + "]";
  }
}
