package org.aslwb.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.model.Classifier;

/**
 * A model's raw outputs on fixed images (probabilities and input gradients of the loss for the true
 * class), written by one backend and compared with another's on the same weights: how {@code
 * scripts/gpu-check.sh} checks CUDA against the CPU. One line per image: the file name, then the
 * probabilities, then the gradient; nine significant digits, root locale.
 *
 * @param names the images' file names
 * @param probabilities one row per image
 * @param gradients one row per image
 */
public record BackendOutputs(List<String> names, float[][] probabilities, float[][] gradients) {
  /** The outputs of {@code classifier} on the first {@code limit} images of {@code data}. */
  public static BackendOutputs of(Classifier classifier, LoadedDataset data, int limit) {
    int n = Math.min(limit, data.size());
    List<PixelImage> images = new ArrayList<>(n);
    List<String> names = new ArrayList<>(n);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      images.add(data.image(i));
      names.add(data.samples().get(i).file().getFileName().toString());
      labels[i] = classifier.classNames().indexOf(data.classNames().get(data.label(i)));
      if (labels[i] < 0) {
        throw new IllegalArgumentException(
            "class " + data.classNames().get(data.label(i)) + " is not one of the model's");
      }
    }
    return new BackendOutputs(
        names, classifier.probabilities(images), classifier.lossGradients(images, labels));
  }

  /** Writes the outputs as text. */
  public void write(Path file) throws IOException {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      out.append(names.get(i)).append(';').append(join(probabilities[i])).append(';');
      out.append(join(gradients[i])).append('\n');
    }
    Files.writeString(file, out, StandardCharsets.UTF_8);
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws IllegalArgumentException naming the file and line when it is not such a file
   */
  public static BackendOutputs read(Path file) throws IOException {
    List<String> names = new ArrayList<>();
    List<float[]> p = new ArrayList<>();
    List<float[]> g = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String[] parts = lines.get(i).split(";", -1);
      if (parts.length != 3) {
        throw new IllegalArgumentException(
            file + " line " + (i + 1) + ": not a backend outputs line");
      }
      try {
        names.add(parts[0]);
        p.add(parse(parts[1]));
        g.add(parse(parts[2]));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return new BackendOutputs(names, p.toArray(new float[0][]), g.toArray(new float[0][]));
  }

  /**
   * How far two backends' outputs are apart.
   *
   * @param images images compared
   * @param maxProbabilityDifference largest absolute difference of a probability
   * @param top1Agreement share of images with the same most probable class
   * @param maxGradientDifference largest absolute gradient difference, relative to the largest
   *     absolute gradient of the reference
   */
  public record Difference(
      int images,
      double maxProbabilityDifference,
      double top1Agreement,
      double maxGradientDifference) {}

  /** Compares with a reference made on the same images and weights. */
  public Difference compare(BackendOutputs reference) {
    if (!names.equals(reference.names)) {
      throw new IllegalArgumentException("the two output files are of different images");
    }
    double maxP = 0;
    double maxG = 0;
    double scale = 1e-12;
    int agree = 0;
    for (int i = 0; i < names.size(); i++) {
      maxP = Math.max(maxP, maxAbsDifference(probabilities[i], reference.probabilities[i]));
      maxG = Math.max(maxG, maxAbsDifference(gradients[i], reference.gradients[i]));
      for (float v : reference.gradients[i]) {
        scale = Math.max(scale, Math.abs(v));
      }
      agree +=
          Classifier.argmax(probabilities[i]) == Classifier.argmax(reference.probabilities[i])
              ? 1
              : 0;
    }
    return new Difference(names.size(), maxP, (double) agree / names.size(), maxG / scale);
  }

  private static double maxAbsDifference(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("outputs of different lengths");
    }
    double max = 0;
    for (int k = 0; k < a.length; k++) {
      max = Math.max(max, Math.abs(a[k] - b[k]));
    }
    return max;
  }

  private static String join(float[] values) {
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < values.length; k++) {
      s.append(k == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.9g", values[k]));
    }
    return s.toString();
  }

  private static float[] parse(String text) {
    String[] parts = text.split(",");
    float[] values = new float[parts.length];
    for (int k = 0; k < parts.length; k++) {
      values[k] = Float.parseFloat(parts[k]);
    }
    return values;
  }
}
