package org.aslwb.attack;

/**
 * Robustness at one epsilon.
 *
 * @param epsilon budget on the [0,1] pixel scale
 * @param epsilonNormalised the same budget on the model's standardised input scale (eps / std,
 *     averaged over channels): the scale on which the seed report quotes eps up to 1.75
 * @param accuracy accuracy on the adversarial images
 * @param successRate untargeted: share of clean-correct images now misclassified; targeted: share
 *     of images classified as the target
 * @param meanLinf mean L-infinity norm of the perturbation
 * @param meanL2 mean L2 norm of the perturbation
 * @param perClassAccuracy adversarial accuracy per true class (NaN for classes without images)
 * @param confusion adversarial confusion: images per true class (the data set's classes, rows) and
 *     class the model gives the adversarial image (the model's classes, columns)
 */
public record CurvePoint(
    double epsilon,
    double epsilonNormalised,
    double accuracy,
    double successRate,
    double meanLinf,
    double meanL2,
    double[] perClassAccuracy,
    long[][] confusion) {}
