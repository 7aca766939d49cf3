package org.aslwb.attack;

/**
 * The smallest FGSM epsilon that changes one image's prediction.
 *
 * @param index the image's index in the data set
 * @param file the image's file name
 * @param trueClass its class (data set name)
 * @param epsilon the minimal flipping epsilon on the [0,1] pixel scale; {@code +Infinity} when the
 *     image is not flipped up to the budget, 0 when the clean image is already misclassified
 * @param adversarialClass the class the model gives at {@code epsilon} (the clean prediction when
 *     never flipped)
 */
public record ImageEpsilon(
    int index, String file, String trueClass, double epsilon, String adversarialClass) {
  /** Whether the attack changed the prediction within the budget. */
  public boolean flipped() {
    return epsilon > 0 && Double.isFinite(epsilon);
  }

  /** Whether the clean image was misclassified already (nothing to flip). */
  public boolean misclassified() {
    return epsilon == 0;
  }
}
