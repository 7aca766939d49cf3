package org.aslwb.evaluation;

/**
 * One confidence bin of a reliability diagram.
 *
 * @param lower the bin's lowest confidence (inclusive, except for the first bin's 0)
 * @param upper the bin's highest confidence (inclusive)
 * @param count predictions whose confidence falls in the bin
 * @param meanConfidence their mean confidence (NaN when empty)
 * @param accuracy the share of them that is right (NaN when empty)
 */
public record ReliabilityBin(
    double lower, double upper, int count, double meanConfidence, double accuracy) {}
