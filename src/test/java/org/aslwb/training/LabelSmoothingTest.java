package org.aslwb.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Random;
import org.aslwb.TinyModels;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.Preprocessing;
import org.aslwb.data.SyntheticDataset;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Training labels are spread as the setting says, and the setting is range-checked. */
class LabelSmoothingTest {
  @TempDir static Path dir;
  static LoadedDataset data;

  @BeforeAll
  static void data() throws Exception {
    SyntheticDataset.write(
        dir.resolve("data"), 5, 32, 3, ProgressListener.NONE, Cancellation.none());
    data = TinyModels.load(dir.resolve("data"));
  }

  @Test
  void smoothedLabelsPutTheRestOfTheMassEvenlyOnEveryClass() {
    int classes = data.classNames().size();
    BatchAssembler batches = new BatchAssembler(data, Preprocessing.rgb(32), classes, 0.2);
    int[] indices = {0, 4, 9};
    INDArray labels = batches.batch(indices, 0, 3, null, new Random(1)).getLabels();
    for (int i = 0; i < indices.length; i++) {
      int truth = data.label(indices[i]);
      assertEquals(1.0, labels.getRow(i).sumNumber().doubleValue(), 1e-6, "row " + i + " sum");
      for (int c = 0; c < classes; c++) {
        double expected = c == truth ? 0.8 + 0.2 / classes : 0.2 / classes;
        assertEquals(expected, labels.getDouble(i, c), 1e-6, "row " + i + " class " + c);
      }
    }
  }

  @Test
  void withoutSmoothingTheLabelsAreOneHot() {
    int classes = data.classNames().size();
    INDArray labels =
        new BatchAssembler(data, Preprocessing.rgb(32), classes)
            .batch(new int[] {2}, 0, 1, null, new Random(1))
            .getLabels();
    assertEquals(1.0, labels.getDouble(0, data.label(2)), 0);
    assertEquals(1.0, labels.sumNumber().doubleValue(), 0);
  }

  @Test
  void smoothingOutsideZeroToOneHalfIsRefusedByName() {
    TrainingConfig d = TrainingConfig.defaults(org.aslwb.model.Architecture.CNN);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new TrainingConfig(
                    d.architecture(),
                    d.widthMultiplier(),
                    d.inputSize(),
                    d.epochs(),
                    d.batchSize(),
                    d.learningRate(),
                    d.schedule(),
                    d.earlyStopping(),
                    d.validationFraction(),
                    d.split(),
                    d.augmentation(),
                    0.7,
                    d.seed(),
                    0));
    assertEquals(true, e.getMessage().contains("label-smoothing"), e.getMessage());
  }
}
