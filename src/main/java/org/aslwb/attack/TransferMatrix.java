package org.aslwb.attack;

import java.util.ArrayList;
import java.util.List;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.model.ClassMapping;
import org.aslwb.model.Classifier;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * Transfer of adversarial images between models (Papernot et al. 2016; Szegedy et al. 2014): images
 * made on each source model at one epsilon, scored on every model. The diagonal is each model's own
 * robust accuracy, the same figure as its accuracy-vs-epsilon curve at that epsilon.
 */
public final class TransferMatrix {
  private static final int BATCH = 128;

  /**
   * The result.
   *
   * @param models model names, rows (source) and columns (scored by)
   * @param method attack name
   * @param epsilon the budget on the [0,1] pixel scale
   * @param images images attacked
   * @param accuracy {@code accuracy[source][target]}: accuracy of the target model on adversarial
   *     images made on the source model
   * @param seed seed of the attack's random draws
   */
  public record Result(
      List<String> models,
      String method,
      double epsilon,
      int images,
      double[][] accuracy,
      long seed) {}

  /**
   * Attacks {@code indices} of {@code data} on each model and scores the images on all of them. The
   * models must share the input size; each is scored on the classes it knows by name.
   */
  public Result run(
      List<String> names,
      List<Classifier> models,
      Attack attack,
      LoadedDataset data,
      int[] indices,
      double epsilon,
      long seed,
      ProgressListener progress,
      Cancellation cancellation) {
    if (attack.targeted()) {
      throw new IllegalArgumentException("transfer is measured for untargeted attacks");
    }
    int m = models.size();
    var first = models.get(0).preprocessing();
    for (Classifier c : models) {
      if (c.preprocessing().width() != first.width()
          || c.preprocessing().height() != first.height()) {
        throw new IllegalArgumentException(
            "transfer needs models of one input size (the adversarial images are made at it)");
      }
    }
    ClassMapping[] mappings = new ClassMapping[m];
    for (int k = 0; k < m; k++) {
      mappings[k] = ClassMapping.of(models.get(k).classNames(), data.classNames());
    }
    long[][] correct = new long[m][m];
    for (int start = 0; start < indices.length; start += BATCH) {
      cancellation.check();
      int end = Math.min(indices.length, start + BATCH);
      List<PixelImage> images = new ArrayList<>();
      int[] labels = new int[end - start];
      for (int i = start; i < end; i++) {
        images.add(data.image(indices[i]));
        labels[i - start] = data.label(indices[i]);
      }
      for (int s = 0; s < m; s++) {
        List<PixelImage> adversarial =
            attack.perturb(models.get(s), images, mappings[s].modelIndices(labels), epsilon);
        for (int t = 0; t < m; t++) {
          int[] predicted = RobustnessSweep.argmax(models.get(t).probabilities(adversarial));
          int[] truth = mappings[t].modelIndices(labels);
          for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == truth[i]) {
              correct[s][t]++;
            }
          }
        }
      }
      progress.progress(end, indices.length, "transfer");
    }
    double[][] accuracy = new double[m][m];
    for (int s = 0; s < m; s++) {
      for (int t = 0; t < m; t++) {
        accuracy[s][t] = (double) correct[s][t] / Math.max(1, indices.length);
      }
    }
    return new Result(List.copyOf(names), attack.name(), epsilon, indices.length, accuracy, seed);
  }
}
