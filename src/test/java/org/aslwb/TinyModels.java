package org.aslwb;

import java.nio.file.Path;
import org.aslwb.data.Augmentation;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.ImageDecoder;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.SplitMethod;
import org.aslwb.data.SyntheticDataset;
import org.aslwb.data.TensorCache;
import org.aslwb.model.Architecture;
import org.aslwb.model.Engine;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.aslwb.training.EarlyStopping;
import org.aslwb.training.LearningRateSchedule;
import org.aslwb.training.Trainer;
import org.aslwb.training.TrainingConfig;
import org.aslwb.training.TrainingListener;

/** Small synthetic data and a quickly trained CNN, shared by tests (built once per JVM). */
public final class TinyModels {
  private static Path root;

  private TinyModels() {}

  /** 29 classes x 20 synthetic images at 32 px, and a CNN trained on them for 12 epochs. */
  public static synchronized Path trainedCnn() throws Exception {
    if (root == null) {
      Engine.start();
      Path dir = java.nio.file.Files.createTempDirectory("aslwb-tiny");
      // shared by every test class of the JVM, so no @TempDir can own it: removed at exit instead
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
      SyntheticDataset.write(
          dir.resolve("data"), 20, 48, 3, ProgressListener.NONE, Cancellation.none());
      LoadedDataset data = load(dir.resolve("data"));
      TrainingConfig config =
          new TrainingConfig(
              Architecture.CNN,
              1.0,
              32,
              12,
              32,
              3e-3,
              LearningRateSchedule.constant(),
              new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0, 0),
              0.2,
              SplitMethod.AUTO,
              Augmentation.none(),
              0.0,
              5,
              0);
      new Trainer()
          .train(
              data,
              config,
              dir.resolve("cnn.aslwb"),
              false,
              new TrainingListener() {},
              Cancellation.none());
      root = dir;
    }
    return root.resolve("cnn.aslwb");
  }

  private static void deleteTree(Path dir) {
    try (var paths = java.nio.file.Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      System.err.println("could not remove " + dir + ": " + e.getMessage());
    }
  }

  /** The data the tiny model was trained on. */
  public static Path data() throws Exception {
    trainedCnn();
    return root.resolve("data");
  }

  /** Loads synthetic data at 32x32 without the user cache. */
  public static LoadedDataset load(Path dir) throws Exception {
    return new DatasetLoader(new ImageDecoder(), TensorCache.disabled(), 2).load(dir, 32, 32, 3);
  }

  /** The tiny trained model. */
  public static TrainedModel model() throws Exception {
    return ModelStore.load(trainedCnn());
  }
}
