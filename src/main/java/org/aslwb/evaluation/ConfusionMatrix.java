package org.aslwb.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts of (true class, predicted class) pairs over the classes of a data set. Rows are true
 * classes, columns predicted classes; a prediction of a model class the data set lacks counts in
 * the extra column "other".
 */
public final class ConfusionMatrix {
  private final List<String> classNames;
  private final long[][] counts;

  /** An empty matrix over {@code classNames} plus an "other" column. */
  public ConfusionMatrix(List<String> classNames) {
    this.classNames = List.copyOf(classNames);
    this.counts = new long[classNames.size()][classNames.size() + 1];
  }

  /** Adds one observation; {@code predicted} = -1 means a class outside the data set. */
  public void add(int actual, int predicted) {
    counts[actual][predicted < 0 ? classNames.size() : predicted]++;
  }

  /** Class names (rows and the first columns). */
  public List<String> classNames() {
    return classNames;
  }

  /** Count of (actual, predicted); predicted = size() is the "other" column. */
  public long count(int actual, int predicted) {
    return counts[actual][predicted];
  }

  /** Number of classes. */
  public int size() {
    return classNames.size();
  }

  /** Whether any prediction fell outside the data set's classes. */
  public boolean hasOther() {
    for (long[] row : counts) {
      if (row[classNames.size()] > 0) {
        return true;
      }
    }
    return false;
  }

  /** Images whose true class is {@code actual}. */
  public long support(int actual) {
    long s = 0;
    for (long c : counts[actual]) {
      s += c;
    }
    return s;
  }

  /** Images predicted as {@code predicted}. */
  public long predictedCount(int predicted) {
    long s = 0;
    for (long[] row : counts) {
      s += row[predicted];
    }
    return s;
  }

  /** All observations. */
  public long total() {
    long s = 0;
    for (int i = 0; i < counts.length; i++) {
      s += support(i);
    }
    return s;
  }

  /** Correct predictions over all observations. */
  public double accuracy() {
    long correct = 0;
    for (int i = 0; i < counts.length; i++) {
      correct += counts[i][i];
    }
    return total() == 0 ? Double.NaN : (double) correct / total();
  }

  /** Precision, recall, F1 and support per class. */
  public List<ClassMetrics> perClass() {
    List<ClassMetrics> out = new ArrayList<>();
    for (int c = 0; c < classNames.size(); c++) {
      long tp = counts[c][c];
      long predicted = predictedCount(c);
      long support = support(c);
      double precision = predicted == 0 ? 0 : (double) tp / predicted;
      double recall = support == 0 ? 0 : (double) tp / support;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      out.add(new ClassMetrics(classNames.get(c), precision, recall, f1, support));
    }
    return out;
  }

  /** Unweighted mean F1 over classes that have support. */
  public double macroF1() {
    return perClass().stream()
        .filter(m -> m.support() > 0)
        .mapToDouble(ClassMetrics::f1)
        .average()
        .orElse(Double.NaN);
  }
}
