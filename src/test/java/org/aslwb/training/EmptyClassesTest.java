package org.aslwb.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.aslwb.data.Augmentation;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.ImageDecoder;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.SplitMethod;
import org.aslwb.data.TensorCache;
import org.aslwb.model.Architecture;
import org.aslwb.model.Engine;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A class whose files are all unreadable is refused for training unless it is dropped. */
class EmptyClassesTest {
  @TempDir Path dir;

  private static TrainingConfig quick() {
    return new TrainingConfig(
        Architecture.CNN,
        0.25,
        32,
        1,
        8,
        1e-3,
        LearningRateSchedule.constant(),
        new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0, 0),
        0.25,
        SplitMethod.AUTO,
        Augmentation.none(),
        0.0,
        3,
        1);
  }

  @Test
  void trainingRefusesAClassWithNoUsableImageAndTrainsWithoutItWhenDropped() throws Exception {
    LoadedDataset data =
        new DatasetLoader(new ImageDecoder(), TensorCache.disabled(), 2)
            .load(EmptyClassesTestData.write(dir), 32, 32, 3);
    assertEquals(List.of("A", "B", "C"), data.classNames());
    assertEquals(List.of("B"), data.emptyClasses());

    Path out = dir.resolve("m.aslwb");
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Trainer()
                    .train(
                        data, quick(), out, false, new TrainingListener() {}, Cancellation.none()));
    assertTrue(refused.getMessage().contains("class B has no usable images"), refused.getMessage());
    assertTrue(refused.getMessage().contains("--drop-empty-classes"), refused.getMessage());

    LoadedDataset dropped = data.withoutEmptyClasses();
    assertEquals(List.of("A", "C"), dropped.classNames());
    assertEquals(data.size(), dropped.size());
    for (int i = 0; i < dropped.size(); i++) {
      String before = data.classNames().get(data.label(i));
      assertEquals(before, dropped.classNames().get(dropped.label(i)), "labels follow names");
    }

    Engine.start();
    new Trainer()
        .train(dropped, quick(), out, false, new TrainingListener() {}, Cancellation.none());
    TrainedModel model = ModelStore.load(out);
    assertEquals(List.of("A", "C"), model.metadata().classNames());
    assertEquals(2, model.network().getOutputLayer(0).getParam("b").length());
  }
}
