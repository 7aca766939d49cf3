package org.aslwb.model;

/**
 * The size of a network: classes, input geometry and channel width multiplier.
 *
 * @param classes number of output classes
 * @param width input width
 * @param height input height
 * @param channels input channels
 * @param widthMultiplier scales every layer's channel count (DarkNet-53 at 1.0 is the full network)
 */
public record NetworkShape(
    int classes, int width, int height, int channels, double widthMultiplier) {
  /** Validates the ranges the architectures support. */
  public NetworkShape {
    if (classes < 2) {
      throw new IllegalArgumentException("need at least 2 classes, got " + classes);
    }
    if (width < 32 || height < 32 || width > 256 || height > 256) {
      throw new IllegalArgumentException("input size must be 32..256, got " + width + "x" + height);
    }
    if (!(widthMultiplier > 0 && widthMultiplier <= 2)) {
      throw new IllegalArgumentException(
          "width multiplier must be in (0, 2], got " + widthMultiplier);
    }
  }

  /** {@code channels} scaled by the width multiplier, at least 4. */
  int scaled(int channelCount) {
    return Math.max(4, (int) Math.round(channelCount * widthMultiplier));
  }
}
