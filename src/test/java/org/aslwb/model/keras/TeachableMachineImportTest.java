package org.aslwb.model.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.aslwb.attack.Fgsm;
import org.aslwb.data.PixelImage;
import org.aslwb.evaluation.Predictor;
import org.aslwb.explain.Explanation;
import org.aslwb.explain.LimeExplainer;
import org.aslwb.explain.LimeSettings;
import org.aslwb.model.Classifier;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real third-party model: Teachable Machine's export in {@code ../shared/models} (MobileNetV2
 * features and a dense head, nested Sequentials, 224x224 input on [-1,1]), classifying real photos
 * of A-D from {@code ../shared/datasets}. Skipped with a message when either folder is absent.
 */
class TeachableMachineImportTest {
  private static final Path MODEL_DIR = Path.of("../shared/models/teachable-machine-abcd");
  private static final Path PHOTOS = Path.of("../shared/datasets/asl-alphabet-5800");
  private static final int PER_CLASS = 10;

  private static TrainedModel model;
  private static List<PixelImage> images;
  private static int[] labels;

  @BeforeAll
  static void importAndLoadPhotos() throws Exception {
    assumeTrue(
        Files.isRegularFile(MODEL_DIR.resolve("keras_model.h5")),
        "skipped: " + MODEL_DIR + " (the shared Teachable Machine model) is absent");
    assumeTrue(Files.isDirectory(PHOTOS), "skipped: " + PHOTOS + " (real photos) is absent");
    model =
        KerasImporter.importModel(
            MODEL_DIR.resolve("keras_model.h5"),
            KerasClassNames.read(MODEL_DIR.resolve("labels.txt")),
            KerasPreprocess.MINUS1TO1);
    Predictor predictor = new Predictor(model.classifier());
    images = new ArrayList<>();
    List<Integer> truth = new ArrayList<>();
    List<String> classes = model.metadata().classNames();
    for (int k = 0; k < classes.size(); k++) {
      try (Stream<Path> files = Files.list(PHOTOS.resolve(classes.get(k)))) {
        for (Path file : files.sorted().limit(PER_CLASS).toList()) {
          images.add(predictor.load(file));
          truth.add(k);
        }
      }
    }
    labels = truth.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void classifiesRealPhotosOfAToDFarAboveChance() {
    float[][] p = model.classifier().probabilities(images);
    int correct = 0;
    for (int i = 0; i < p.length; i++) {
      correct += Classifier.argmax(p[i]) == labels[i] ? 1 : 0;
    }
    double accuracy = correct / (double) p.length;
    // chance is 0.25; the model's authors trained it on photos like these
    assertTrue(accuracy >= 0.7, "accuracy " + accuracy + " on " + p.length + " photos");
  }

  @Test
  void fgsmPerturbsWithinEpsilonThroughTheImportedGraph() {
    List<PixelImage> few = images.subList(0, 4);
    int[] fewLabels = java.util.Arrays.copyOf(labels, 4);
    List<PixelImage> adversarial =
        new Fgsm(false).perturb(model.classifier(), few, fewLabels, 0.02);
    for (int i = 0; i < few.size(); i++) {
      float distance = few.get(i).maxAbsDifference(adversarial.get(i));
      assertTrue(distance > 0.019 && distance <= 0.0201, "L-inf " + distance);
    }
  }

  @Test
  void limeExplainsAnImportedModelsPrediction() {
    Explanation e =
        new LimeExplainer()
            .explain(
                model.classifier(),
                images.get(0),
                LimeSettings.defaults().with(60, 42),
                ProgressListener.NONE,
                Cancellation.none());
    assertTrue(e.segmentation().count() >= 2);
    assertEquals(e.segmentation().count(), e.top().weights().length);
    for (double w : e.top().weights()) {
      assertTrue(Double.isFinite(w));
    }
  }
}
