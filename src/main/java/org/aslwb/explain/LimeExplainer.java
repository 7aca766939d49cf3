package org.aslwb.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.aslwb.data.PixelImage;
import org.aslwb.model.Classifier;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * LIME for images (Ribeiro, Singh &amp; Guestrin 2016) as the lime package's {@code
 * LimeImageExplainer} does it: quickshift superpixels, uniform 0/1 on/off samples with the first
 * row all on, hidden superpixels filled, cosine distance to the original, kernel {@code
 * sqrt(exp(-d^2/width^2))}, and a weighted ridge surrogate per label. Unlike the package, every
 * random draw comes from the one seed in the settings, perturbed images are built and classified in
 * large batches, and the surrogate can explain the log probability or the logit margin instead of
 * the probability ({@link OutputSpace}).
 */
public final class LimeExplainer {
  /**
   * Explains {@code image} (RGB, [0,1], any size) for the classifier's top labels, in the output
   * space chosen automatically (the probability unless its weights are tiny, see {@link
   * #explain(Classifier, PixelImage, Segmentation, LimeSettings, OutputSpace, ProgressListener,
   * Cancellation)}).
   */
  public Explanation explain(
      Classifier classifier,
      PixelImage image,
      LimeSettings settings,
      ProgressListener progress,
      Cancellation cancellation) {
    return explain(classifier, image, settings, null, progress, cancellation);
  }

  /**
   * Explains {@code image} in {@code space}, or in the automatically chosen space when it is null.
   */
  public Explanation explain(
      Classifier classifier,
      PixelImage image,
      LimeSettings settings,
      OutputSpace space,
      ProgressListener progress,
      Cancellation cancellation) {
    progress.progress(0, settings.samples(), "segmenting");
    Segmentation segments = Quickshift.segment(image, settings.segmentation());
    return explain(classifier, image, segments, settings, space, progress, cancellation);
  }

  /**
   * Explains {@code image} over given superpixels (of the image's own size) in {@code space}; null
   * chooses the probability unless every |weight| of the top label is below 1% of its range ({@link
   * Informativeness#saturated()}), then the logit margin.
   */
  public Explanation explain(
      Classifier classifier,
      PixelImage image,
      Segmentation segments,
      LimeSettings settings,
      OutputSpace space,
      ProgressListener progress,
      Cancellation cancellation) {
    long started = System.nanoTime();
    LimeSamples samples = sample(classifier, image, segments, settings, progress, cancellation);
    int[] top = topLabels(samples.probabilities()[0], settings.topLabels());
    OutputSpace chosen = space;
    if (chosen == null) {
      LabelExplanation p = fit(samples, top[0], OutputSpace.PROBABILITY, settings);
      chosen = p.informativeness().saturated() ? OutputSpace.LOGIT_MARGIN : OutputSpace.PROBABILITY;
    }
    List<LabelExplanation> labels = new ArrayList<>();
    for (int label : top) {
      labels.add(fit(samples, label, chosen, settings));
    }
    return new Explanation(
        segments,
        List.copyOf(labels),
        settings,
        chosen,
        space == null,
        (System.nanoTime() - started) / 1e9);
  }

  /** Draws the perturbed samples of {@code image} over {@code segments} and classifies them. */
  public LimeSamples sample(
      Classifier classifier,
      PixelImage image,
      Segmentation segments,
      LimeSettings settings,
      ProgressListener progress,
      Cancellation cancellation) {
    if (segments.width() != image.width() || segments.height() != image.height()) {
      throw new IllegalArgumentException(
          "superpixels are "
              + segments.width()
              + "x"
              + segments.height()
              + " but the image is "
              + image.width()
              + "x"
              + image.height());
    }
    Perturber perturber =
        new Perturber(
            image,
            segments,
            settings.hideColour(),
            classifier.preprocessing().width(),
            classifier.preprocessing().height());
    int k = segments.count();
    int n = settings.samples();
    boolean[][] on = sampleRows(n, k, new Random(settings.seed()));
    float[][] probabilities = new float[n][];
    for (int start = 0; start < n; start += settings.batchSize()) {
      cancellation.check();
      int end = Math.min(n, start + settings.batchSize());
      List<PixelImage> batch = new ArrayList<>(end - start);
      for (int i = start; i < end; i++) {
        batch.add(perturber.input(on[i]));
      }
      float[][] p = classifier.probabilities(batch);
      System.arraycopy(p, 0, probabilities, start, p.length);
      progress.progress(end, n, "classifying perturbed images");
    }
    double[] weights = new double[n];
    for (int i = 0; i < n; i++) {
      int ones = 0;
      for (int j = 0; j < k; j++) {
        ones += on[i][j] ? 1 : 0;
      }
      weights[i] = kernel(cosineDistanceToAllOnes(ones, k), settings.kernelWidth());
    }
    return new LimeSamples(segments, on, weights, probabilities, classifier.classNames());
  }

  /** Fits the surrogate of {@code label} in {@code space} to the samples. */
  public LabelExplanation fit(
      LimeSamples samples, int label, OutputSpace space, LimeSettings settings) {
    double[][] x = samples.design();
    double[] y = samples.targets(label, space);
    WeightedRidge.Fit fit = WeightedRidge.fit(x, y, samples.kernelWeights(), settings.ridgeAlpha());
    return new LabelExplanation(
        label,
        samples.classNames().get(label),
        samples.probabilities()[0][label],
        fit.coefficients(),
        fit.intercept(),
        fit.score(),
        fit.predict(x[0]),
        Informativeness.of(space, fit.coefficients(), y));
  }

  /** Uniform 0/1 draws; row 0 is the original image (all on), as in lime. */
  static boolean[][] sampleRows(int n, int k, Random random) {
    boolean[][] on = new boolean[n][k];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        on[i][j] = i == 0 || random.nextBoolean();
      }
    }
    return on;
  }

  /**
   * Cosine distance between a 0/1 row with {@code ones} ones and the all-ones row of length {@code
   * k}: {@code 1 - sqrt(ones / k)}; an all-zero row is at distance 1 (as scikit-learn).
   */
  static double cosineDistanceToAllOnes(int ones, int k) {
    return ones == 0 ? 1 : 1 - Math.sqrt((double) ones / k);
  }

  /** lime's kernel: {@code sqrt(exp(-d^2 / width^2))}. */
  static double kernel(double distance, double width) {
    return Math.sqrt(Math.exp(-(distance * distance) / (width * width)));
  }

  /** The {@code count} most probable labels, most probable first. */
  static int[] topLabels(float[] p, int count) {
    return java.util.stream.IntStream.range(0, p.length)
        .boxed()
        .sorted((a, b) -> Float.compare(p[b], p[a]))
        .limit(count)
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
