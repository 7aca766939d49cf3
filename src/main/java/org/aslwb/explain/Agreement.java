package org.aslwb.explain;

/**
 * How far LIME and a gradient method agree on one image: Spearman's rank correlation between the
 * LIME weights of a label and the method's mean attribution per superpixel.
 *
 * @param method the gradient method ("gradcam", "saliency", "smoothgrad")
 * @param label the class both explain
 * @param spearman rank correlation over the superpixels (NaN when either is constant)
 * @param limeSeconds LIME's wall time
 * @param methodSeconds the gradient method's wall time
 */
public record Agreement(
    String method, String label, double spearman, double limeSeconds, double methodSeconds) {
  /**
   * Compares {@code lime}'s surrogate of {@code map}'s label with {@code map} over its superpixels.
   */
  public static Agreement of(Explanation lime, AttributionMap map) {
    LabelExplanation l =
        lime.label(map.label())
            .orElseThrow(
                () -> new IllegalArgumentException("LIME did not explain " + map.className()));
    return new Agreement(
        map.method(),
        map.className(),
        RankCorrelation.spearman(l.weights(), map.perSuperpixel(lime.segmentation())),
        lime.seconds(),
        map.seconds());
  }
}
