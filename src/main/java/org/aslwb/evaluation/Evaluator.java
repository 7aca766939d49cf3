package org.aslwb.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.aslwb.data.DataFingerprint;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Split;
import org.aslwb.data.SplitMethod;
import org.aslwb.data.Splits;
import org.aslwb.model.ClassMapping;
import org.aslwb.model.Classifier;
import org.aslwb.model.ModelMetadata;
import org.aslwb.model.TemperatureScaling;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * Evaluates a classifier on a data set. The data set's classes may be a subset of the model's (by
 * name); predictions of model classes the data set lacks count as errors ("other").
 */
public final class Evaluator {
  private static final int BATCH = 256;

  /**
   * The images of {@code data} to score for a model: its validation split when {@code data} is the
   * data it was trained on (same classes, same files, same split), all images labelled "all" when
   * {@code allImages} asks for them; otherwise every image, labelled "external". The same class
   * names are not the same data: only the training data has the held-out split.
   */
  public static EvaluationSplit splitOf(
      ModelMetadata metadata, LoadedDataset data, boolean allImages) {
    var s = metadata.settings() == null ? java.util.Map.<String, String>of() : metadata.settings();
    double fraction = Double.parseDouble(s.getOrDefault("val_fraction", "0"));
    long seed = Long.parseLong(s.getOrDefault("seed", "42"));
    String method = metadata.validationSplitMethod();
    if (metadata.classNames().equals(data.classNames()) && metadata.dataFingerprint() != null) {
      Split validation;
      try {
        validation = Splits.of(data, SplitMethod.parse(method), fraction, seed);
      } catch (IllegalArgumentException e) {
        validation = null; // the files cannot carry the recorded split: not the training data
      }
      if (validation != null
          && DataFingerprint.of(data, validation).equals(metadata.dataFingerprint())) {
        return allImages || validation.validation().length == 0
            ? new EvaluationSplit(EvaluationSplit.ALL, method, allIndices(data))
            : new EvaluationSplit(EvaluationSplit.VAL, method, validation.validation());
      }
    }
    return new EvaluationSplit(EvaluationSplit.EXTERNAL, "", allIndices(data));
  }

  /** The indices of {@link #splitOf splitOf(metadata, data, false)}. */
  public static int[] validationIndices(ModelMetadata metadata, LoadedDataset data) {
    return splitOf(metadata, data, false).indices();
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
   * Scores {@code indices} of {@code data} with {@code classifier}'s probabilities as they are.
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
    return evaluate(
        classifier, 1, data, new EvaluationSplit(splitName, "", indices), progress, cancellation);
  }

  /**
   * Scores {@code split} of {@code data}: predictions and confidences from {@code raw}'s
   * probabilities scaled by {@code temperature}, and the calibration both before and after it.
   *
   * @throws IllegalArgumentException when the data set has classes the model does not know
   */
  public Evaluation evaluate(
      Classifier raw,
      double temperature,
      LoadedDataset data,
      EvaluationSplit split,
      ProgressListener progress,
      Cancellation cancellation) {
    Classifier classifier = raw;
    int[] indices = split.indices();
    long started = System.nanoTime();
    ClassMapping mapping = ClassMapping.of(classifier.classNames(), data.classNames());
    int[] dataLabelOfModelIndex = new int[classifier.numClasses()];
    java.util.Arrays.fill(dataLabelOfModelIndex, -1);
    for (int label = 0; label < data.classNames().size(); label++) {
      dataLabelOfModelIndex[mapping.modelIndex(label)] = label;
    }
    ConfusionMatrix confusion = new ConfusionMatrix(data.classNames());
    List<ScoredSample> samples = new ArrayList<>(indices.length);
    float[][] rawProbabilities = new float[indices.length][];
    float[][] scaledProbabilities = new float[indices.length][];
    int[] trueClass = new int[indices.length];
    for (int start = 0; start < indices.length; start += BATCH) {
      cancellation.check();
      int end = Math.min(indices.length, start + BATCH);
      List<PixelImage> images = new ArrayList<>(end - start);
      for (int i = start; i < end; i++) {
        images.add(data.image(indices[i]));
      }
      float[][] probs = classifier.probabilities(images);
      for (int i = start; i < end; i++) {
        float[] p = TemperatureScaling.apply(probs[i - start], temperature);
        rawProbabilities[i] = probs[i - start];
        scaledProbabilities[i] = p;
        int best = Classifier.argmax(p);
        int actual = data.label(indices[i]);
        trueClass[i] = mapping.modelIndex(actual);
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
        split.label(),
        split.method(),
        confusion,
        List.copyOf(samples),
        (System.nanoTime() - started) / 1e9,
        temperature,
        CalibrationReport.of(rawProbabilities, trueClass),
        CalibrationReport.of(scaledProbabilities, trueClass));
  }
}
