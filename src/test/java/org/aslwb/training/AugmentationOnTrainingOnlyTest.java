package org.aslwb.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.aslwb.TinyModels;
import org.aslwb.data.Augmentation;
import org.aslwb.data.Augmenter;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.Preprocessing;
import org.aslwb.data.Split;
import org.aslwb.data.SplitMethod;
import org.aslwb.data.Splits;
import org.aslwb.data.SyntheticDataset;
import org.aslwb.model.Architecture;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every augmentation reaches the training batches, and none reaches the validation images. */
class AugmentationOnTrainingOnlyTest {
  @TempDir static Path dir;
  static LoadedDataset data;

  @BeforeAll
  static void data() throws Exception {
    SyntheticDataset.write(
        dir.resolve("data"), 6, 48, 21, ProgressListener.NONE, Cancellation.none());
    data = TinyModels.load(dir.resolve("data"));
  }

  static java.util.List<String> keys() {
    return Augmentation.KEYS;
  }

  /** Every switch at a strength it allows, all at once. */
  private static Augmentation everything() {
    Augmentation a = Augmentation.none();
    for (String key : Augmentation.KEYS) {
      a = a.with(key, key.equals("rotation") ? 20 : key.equals("hue") ? 0.2 : 0.5);
    }
    return a;
  }

  @ParameterizedTest
  @MethodSource("keys")
  void eachSwitchChangesTheTrainingBatch(String key) {
    double strength =
        switch (key) {
          case "rotation" -> 20;
          case "blur" -> 2;
          case "hue", "noise" -> 0.2;
          case "greyscale", "flip", "background" -> 1;
          default -> 0.4;
        };
    Augmenter augmenter = new Augmenter(Augmentation.none().with(key, strength));
    Preprocessing pre = Preprocessing.rgb(32);
    BatchAssembler batches = new BatchAssembler(data, pre, data.classNames().size());
    int[] indices = {0, 7, 19, 33};
    float[] plain =
        batches.batch(indices, 0, 4, null, new Random(1)).getFeatures().ravel().toFloatVector();
    float[] augmented =
        batches
            .batch(indices, 0, 4, augmenter, new Random(1))
            .getFeatures()
            .ravel()
            .toFloatVector();
    assertFalse(Arrays.equals(plain, augmented), key + " did not change the training batch");
  }

  @Test
  void validationScoresAreThoseOfTheUntouchedImages() throws Exception {
    TrainingConfig config =
        new TrainingConfig(
            Architecture.CNN,
            0.25,
            32,
            1,
            16,
            1e-3,
            LearningRateSchedule.constant(),
            new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0, 0),
            0.25,
            SplitMethod.AUTO,
            everything(),
            0.0,
            3,
            2);
    Path out = dir.resolve("augmented.aslwb");
    new Trainer().train(data, config, out, false, new TrainingListener() {}, Cancellation.none());
    TrainedModel model = ModelStore.load(out);
    Split split = Splits.of(data, SplitMethod.AUTO, 0.25, 3);
    EpochScorer.LossAndAccuracy plain =
        // the network's own probabilities, as training recorded them (before the fitted
        // temperature)
        new EpochScorer().score(model.rawClassifier(), data, split.validation());
    var recorded = model.metadata().history().get(0);
    // a validation image drawn through any augmentation would move the loss
    assertEquals(plain.loss(), recorded.valLoss(), 1e-6);
    assertEquals(plain.accuracy(), recorded.valAccuracy(), 1e-9);
    assertEquals(everything().toString(), model.metadata().settings().get("augmentation"));
  }
}
