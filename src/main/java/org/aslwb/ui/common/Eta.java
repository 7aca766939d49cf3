package org.aslwb.ui.common;

/** Time left as people read it: "ETA 42 s", "ETA 3 min 05 s", "ETA 1 h 12 min". */
public final class Eta {
  private Eta() {}

  /** The estimate, or an empty string when {@code seconds} is negative (unknown). */
  public static String describe(double seconds) {
    if (seconds < 0 || Double.isNaN(seconds)) {
      return "";
    }
    long s = Math.round(seconds);
    if (s < 60) {
      return "ETA " + s + " s";
    }
    if (s < 3600) {
      return String.format("ETA %d min %02d s", s / 60, s % 60);
    }
    return String.format("ETA %d h %02d min", s / 3600, (s % 3600) / 60);
  }
}
