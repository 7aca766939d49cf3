package org.aslwb.data;

/**
 * The 8-bit grey levels and the [0,1] floats the models see, converted one way and back the same
 * way everywhere (decoding, the tensor cache, display), so that a pixel survives the round trip.
 */
final class Levels {
  /** {@code VALUE[b] == b / 255f}, to the bit: a table read instead of a division per channel. */
  static final float[] VALUE = new float[256];

  static {
    for (int b = 0; b < 256; b++) {
      VALUE[b] = b / 255f;
    }
  }

  private Levels() {}

  /**
   * The nearest level to {@code v * 255}, halves rounded up and clamped to 0..255: {@code
   * Math.round}'s result, through a double (exact for every float of this size) because Java 17
   * does not compile {@code Math.round(float)} to one instruction and it costs as much as the
   * resize around it.
   */
  static int of(float v) {
    int level = (int) ((double) (v * 255f) + 0.5);
    return level < 0 ? 0 : level > 255 ? 255 : level;
  }
}
