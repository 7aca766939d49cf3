package org.aslwb.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.aslwb.model.Classifier;

/**
 * How well a classifier's confidence matches its accuracy (Guo et al. 2017): the expected
 * calibration error over {@value #BINS} equal-width confidence bins, the mean negative
 * log-likelihood of the true class, and the bins themselves (the reliability diagram).
 *
 * @param ece sum over bins of (bin size / n) * |accuracy - mean confidence|
 * @param nll mean of -log p(true class)
 * @param bins the {@value #BINS} bins, lowest confidence first
 */
public record CalibrationReport(double ece, double nll, List<ReliabilityBin> bins) {
  /** Bins of the reliability diagram and the ECE. */
  public static final int BINS = 15;

  /** Probabilities of the true class are clamped here so that one certain mistake stays finite. */
  private static final double MIN_PROBABILITY = 1e-12;

  /**
   * The report over {@code probabilities} (one row per image, model class order) with the true
   * model classes {@code trueClass}.
   */
  public static CalibrationReport of(float[][] probabilities, int[] trueClass) {
    if (probabilities.length != trueClass.length) {
      throw new IllegalArgumentException("one true class per row");
    }
    int n = probabilities.length;
    int[] count = new int[BINS];
    double[] confidenceSum = new double[BINS];
    int[] correct = new int[BINS];
    double nll = 0;
    for (int i = 0; i < n; i++) {
      float[] p = probabilities[i];
      int predicted = Classifier.argmax(p);
      double confidence = p[predicted];
      // bins are (k/15, (k+1)/15]; confidence 0 joins the first
      int bin = Math.min(BINS - 1, Math.max(0, (int) Math.ceil(confidence * BINS) - 1));
      count[bin]++;
      confidenceSum[bin] += confidence;
      if (predicted == trueClass[i]) {
        correct[bin]++;
      }
      nll -= Math.log(Math.max(MIN_PROBABILITY, p[trueClass[i]]));
    }
    List<ReliabilityBin> bins = new ArrayList<>(BINS);
    double ece = 0;
    for (int b = 0; b < BINS; b++) {
      double meanConfidence = count[b] == 0 ? Double.NaN : confidenceSum[b] / count[b];
      double accuracy = count[b] == 0 ? Double.NaN : (double) correct[b] / count[b];
      if (count[b] > 0) {
        ece += (double) count[b] / n * Math.abs(accuracy - meanConfidence);
      }
      bins.add(
          new ReliabilityBin(
              (double) b / BINS, (double) (b + 1) / BINS, count[b], meanConfidence, accuracy));
    }
    return new CalibrationReport(n == 0 ? Double.NaN : ece, n == 0 ? Double.NaN : nll / n, bins);
  }
}
