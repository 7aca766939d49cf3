package org.aslwb.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.aslwb.data.DataFingerprint;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Split;
import org.aslwb.data.Splits;
import org.aslwb.model.ClassMapping;
import org.aslwb.model.Classifier;
import org.aslwb.model.ModelMetadata;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * Evaluates a classifier on a data set. The data set's classes may be a subset of the model's (by
 * name); predictions of model classes the data set lacks count as errors ("other").
 */
public final class Evaluator {
  private static final int BATCH = 256;

  /**
   * The validation split a model was trained with, recomputed from its recorded settings, or all
   * samples when the model records none or {@code data} is not the data it was trained on.
   */
  public static int[] validationIndices(ModelMetadata metadata, LoadedDataset data) {
    var s = metadata.settings();
    double fraction = Double.parseDouble(s.getOrDefault("val_fraction", "0"));
    long seed = Long.parseLong(s.getOrDefault("seed", "42"));
    String split = s.getOrDefault("split", "stratified");
    if (fraction <= 0 || !metadata.classNames().equals(data.classNames())) {
      return allIndices(data);
    }
    int blockSize = split.startsWith("blocks of ") ? Integer.parseInt(split.substring(10)) : 0;
    Split validation = Splits.of(data.labels(), fraction, blockSize, seed);
    // the same class names are not the same data: only the training data has the held-out split
    boolean trainingData = DataFingerprint.of(data, validation).equals(metadata.dataFingerprint());
    return trainingData ? validation.validation() : allIndices(data);
  }

  /** Indices 0..n-1. */
  public static int[] allIndices(LoadedDataset data) {
    int[] all = new int[data.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  /**
   * Scores {@code indices} of {@code data}.
   *
   * @throws IllegalArgumentException when the data set has classes the model does not know
   */
  public Evaluation evaluate(
      Classifier classifier,
      LoadedDataset data,
      int[] indices,
      String splitName,
      ProgressListener progress,
      Cancellation cancellation) {
    long started = System.nanoTime();
    ClassMapping mapping = ClassMapping.of(classifier.classNames(), data.classNames());
    int[] dataLabelOfModelIndex = new int[classifier.numClasses()];
    java.util.Arrays.fill(dataLabelOfModelIndex, -1);
    for (int label = 0; label < data.classNames().size(); label++) {
      dataLabelOfModelIndex[mapping.modelIndex(label)] = label;
    }
    ConfusionMatrix confusion = new ConfusionMatrix(data.classNames());
    List<ScoredSample> samples = new ArrayList<>(indices.length);
    for (int start = 0; start < indices.length; start += BATCH) {
      cancellation.check();
      int end = Math.min(indices.length, start + BATCH);
      List<PixelImage> images = new ArrayList<>(end - start);
      for (int i = start; i < end; i++) {
        images.add(data.image(indices[i]));
      }
      float[][] probs = classifier.probabilities(images);
      for (int i = start; i < end; i++) {
        float[] p = probs[i - start];
        int best = Classifier.argmax(p);
        int actual = data.label(indices[i]);
        int predicted = dataLabelOfModelIndex[best];
        confusion.add(actual, predicted);
        samples.add(
            new ScoredSample(
                data.samples().get(indices[i]).file(),
                indices[i],
                actual,
                predicted,
                classifier.classNames().get(best),
                p[best]));
      }
      progress.progress(end, indices.length, "evaluating");
    }
    return new Evaluation(
        splitName, confusion, List.copyOf(samples), (System.nanoTime() - started) / 1e9);
  }
}
