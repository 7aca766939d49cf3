package org.aslwb.data;

import java.util.List;

/**
 * A stylised hand shape for one class of the synthetic demo data: how far each finger is extended,
 * how the hand is turned, whether the fingers are spread.
 *
 * <p>Loosely modelled on the ASL alphabet (A is a fist with the thumb at the side, L is thumb and
 * index at a right angle, ...); what matters is that every class is a distinct, learnable shape.
 *
 * @param className the class folder name
 * @param fingers extension of thumb, index, middle, ring, pinky: 0 curled, 1 bent, 2 straight
 * @param angleDegrees rotation of the whole hand (0 = fingers up)
 * @param spread whether straight fingers fan out
 */
public record HandPose(String className, int[] fingers, double angleDegrees, boolean spread) {
  /** The class with no hand in the picture. */
  public static final String NOTHING = "nothing";

  /** Whether the picture shows a hand at all. */
  public boolean hasHand() {
    return !NOTHING.equals(className);
  }

  /** The 29 poses in class order (A..Z, del, nothing, space). */
  public static List<HandPose> alphabet() {
    return List.of(
        pose("A", 0, false, 2, 0, 0, 0, 0),
        pose("B", 0, false, 0, 2, 2, 2, 2),
        pose("C", 0, false, 1, 1, 1, 1, 1),
        pose("D", 0, false, 1, 2, 1, 1, 1),
        pose("E", 0, false, 1, 0, 0, 0, 0),
        pose("F", 0, true, 1, 1, 2, 2, 2),
        pose("G", 90, false, 2, 2, 0, 0, 0),
        pose("H", 90, false, 0, 2, 2, 0, 0),
        pose("I", 0, false, 0, 0, 0, 0, 2),
        pose("J", 45, false, 0, 0, 0, 0, 2),
        pose("K", 0, true, 2, 2, 2, 0, 0),
        pose("L", 0, false, 2, 2, 0, 0, 0),
        pose("M", 0, false, 0, 1, 1, 1, 0),
        pose("N", 0, false, 0, 1, 1, 0, 0),
        pose("O", -40, false, 1, 1, 1, 1, 1),
        pose("P", 180, false, 2, 2, 1, 0, 0),
        pose("Q", 180, false, 2, 2, 0, 0, 0),
        pose("R", -30, false, 0, 2, 2, 0, 0),
        pose("S", 0, false, 0, 0, 0, 0, 0),
        pose("T", 0, false, 1, 1, 0, 0, 0),
        pose("U", 0, false, 0, 2, 2, 0, 0),
        pose("V", 0, true, 0, 2, 2, 0, 0),
        pose("W", 0, true, 0, 2, 2, 2, 0),
        pose("X", 0, false, 0, 1, 0, 0, 0),
        pose("Y", 0, true, 2, 0, 0, 0, 2),
        pose("Z", 0, false, 0, 2, 0, 0, 0),
        pose("del", -90, true, 2, 2, 2, 2, 2),
        new HandPose(NOTHING, new int[5], 0, false),
        pose("space", 90, false, 2, 2, 2, 2, 2));
  }

  private static HandPose pose(String name, double angle, boolean spread, int... fingers) {
    return new HandPose(name, fingers, angle, spread);
  }
}
