package org.aslwb.attack;

import java.util.List;

/**
 * An accuracy-versus-epsilon curve for one model.
 *
 * @param model the model's name (file name)
 * @param method attack name
 * @param targetClass target class name, or null when untargeted
 * @param images number of images attacked
 * @param classNames the data set's classes (for per-class accuracy)
 * @param points one point per epsilon, in the order asked
 * @param gradientPasses backward passes through the network (FGSM: one per image)
 * @param seconds wall time
 * @param seed seed of the random draws (PGD start)
 */
public record SweepResult(
    String model,
    String method,
    String targetClass,
    int images,
    List<String> classNames,
    List<CurvePoint> points,
    long gradientPasses,
    double seconds,
    long seed) {}
