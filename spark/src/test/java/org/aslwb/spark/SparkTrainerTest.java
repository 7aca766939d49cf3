package org.aslwb.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.ImageDecoder;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.SyntheticDataset;
import org.aslwb.data.TensorCache;
import org.aslwb.model.EpochMetrics;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkTrainerTest {
  @TempDir Path dir;

  @Test
  void twoEpochsOnLocal2WriteAModelFileTheDesktopAppLoads() throws Exception {
    Path data = dir.resolve("data");
    SyntheticDataset.write(data, 6, 40, 3, ProgressListener.NONE, Cancellation.none());
    Path out = dir.resolve("spark.aslwb");
    // the command as a user runs it, on a local Spark master with two worker threads
    int code =
        AslwbSpark.run(
            "train",
            "--data",
            data.toString(),
            "--model",
            "cnn",
            "--size",
            "32",
            "--epochs",
            "2",
            "--batch",
            "16",
            "--master",
            "local[2]",
            "--workers",
            "2",
            "--averaging-frequency",
            "2",
            "--split",
            "random",
            "--out",
            out.toString());
    assertEquals(0, code);

    // loaded by the desktop app's own model store, and used as the app uses it
    TrainedModel model = ModelStore.load(out);
    List<EpochMetrics> history = model.metadata().history();
    assertEquals(2, history.size());
    assertTrue(history.stream().allMatch(m -> Double.isFinite(m.trainLoss())), history.toString());
    assertEquals(29, model.metadata().classNames().size());
    assertTrue(model.metadata().calibration() != null, "a temperature was fitted");
    LoadedDataset images =
        new DatasetLoader(new ImageDecoder(), TensorCache.disabled(), 2).load(data, 32, 32, 3);
    float[] p = model.classifier().probabilities(images.image(0));
    double sum = 0;
    for (float v : p) {
      sum += v;
    }
    assertEquals(1.0, sum, 1e-4);
  }

  @Test
  void badInputExitsWith2() {
    assertEquals(
        2,
        AslwbSpark.run(
            "train",
            "--data",
            dir.toString(),
            "--master",
            " ",
            "--out",
            dir.resolve("m.aslwb").toString()));
  }
}
