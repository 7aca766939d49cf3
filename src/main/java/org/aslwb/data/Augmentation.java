package org.aslwb.data;

/**
 * The reference study's training-time augmentations, each with its range; applied to the training
 * split only.
 *
 * @param rotationDegrees rotation drawn uniformly from [-r, r] degrees
 * @param widthShift horizontal shift drawn from [-w, w] times the width
 * @param heightShift vertical shift drawn from [-h, h] times the height
 * @param cropFraction a random crop keeping between {@code 1 - crop} and all of each side, resized
 *     back to the full size
 */
public record Augmentation(
    double rotationDegrees, double widthShift, double heightShift, double cropFraction) {
  /** Checks the ranges. */
  public Augmentation {
    if (rotationDegrees < 0 || rotationDegrees > 180) {
      throw new IllegalArgumentException("rotation must be 0..180 degrees");
    }
    if (widthShift < 0 || widthShift >= 1 || heightShift < 0 || heightShift >= 1) {
      throw new IllegalArgumentException("shifts must be in [0, 1)");
    }
    if (cropFraction < 0 || cropFraction >= 1) {
      throw new IllegalArgumentException("crop fraction must be in [0, 1)");
    }
  }

  /** Keras-like defaults: 10 degrees, 10% shifts, up to 10% cropped. */
  public static Augmentation standard() {
    return new Augmentation(10, 0.1, 0.1, 0.1);
  }

  /** No augmentation at all. */
  public static Augmentation none() {
    return new Augmentation(0, 0, 0, 0);
  }

  /** Whether this changes images at all. */
  public boolean isIdentity() {
    return rotationDegrees == 0 && widthShift == 0 && heightShift == 0 && cropFraction == 0;
  }
}
