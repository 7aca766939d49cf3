package org.aslwb.task;

import java.util.Locale;

/**
 * Range checks for the numeric settings of every service, so that the GUI's forms and the CLI's
 * options refuse the same values with the same words. A setting is named as the CLI spells its
 * option ({@code val-fraction} for {@code --val-fraction}); every check refuses NaN and the
 * infinities, which pass a plain {@code value < min} test.
 */
public final class SettingChecks {
  private SettingChecks() {}

  /** {@code value} when it is at least {@code min}. */
  public static int atLeast(String setting, int value, int min) {
    if (value < min) {
      throw refused(setting, "must be at least " + min, Integer.toString(value));
    }
    return value;
  }

  /** {@code value} when it is in {@code [min, max]}. */
  public static int between(String setting, int value, int min, int max) {
    if (value < min || value > max) {
      throw refused(setting, "must be " + min + ".." + max, Integer.toString(value));
    }
    return value;
  }

  /** {@code value} when it is a finite number of at least {@code min}. */
  public static double atLeast(String setting, double value, double min) {
    if (!(Double.isFinite(value) && value >= min)) {
      throw refused(setting, "must be a finite number of at least " + show(min), show(value));
    }
    return value;
  }

  /** {@code value} when it is a finite number above zero. */
  public static double positive(String setting, double value) {
    if (!(Double.isFinite(value) && value > 0)) {
      throw refused(setting, "must be a finite number above 0", show(value));
    }
    return value;
  }

  /**
   * {@code value} when it is a finite number between {@code min} and {@code max}, each bound
   * included or not.
   */
  public static double between(
      String setting,
      double value,
      double min,
      boolean minIncluded,
      double max,
      boolean maxIncluded) {
    boolean aboveMin = minIncluded ? value >= min : value > min;
    boolean belowMax = maxIncluded ? value <= max : value < max;
    if (!(Double.isFinite(value) && aboveMin && belowMax)) {
      String range =
          (minIncluded ? "[" : "(") + show(min) + ", " + show(max) + (maxIncluded ? "]" : ")");
      throw refused(setting, "must be in " + range, show(value));
    }
    return value;
  }

  private static IllegalArgumentException refused(String setting, String rule, String value) {
    return new IllegalArgumentException(setting + " " + rule + ", got " + value);
  }

  private static String show(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%s", v);
  }
}
