package org.aslwb.evaluation;

/**
 * Per-class scores.
 *
 * @param className the class
 * @param precision correct predictions of the class over all predictions of it
 * @param recall correct predictions of the class over its images
 * @param f1 harmonic mean of precision and recall
 * @param support images of the class
 */
public record ClassMetrics(
    String className, double precision, double recall, double f1, long support) {}
