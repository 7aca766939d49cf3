package org.aslwb.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.aslwb.data.Augmentation;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.DatasetScanner;
import org.aslwb.data.ImageDecoder;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.MemoryBudget;
import org.aslwb.data.SplitMethod;
import org.aslwb.data.TensorCache;
import org.aslwb.model.Architecture;
import org.aslwb.model.ModelStore;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProcessMemory;
import org.aslwb.task.ProgressListener;

/**
 * Loads, caches and trains a large data set within the memory budget, and times it: the cold load
 * (decoding every file and writing the tensor cache), the load from the cache, and one epoch of the
 * simple CNN with the default training settings, with the process's peak resident memory.
 */
public final class ScaleBenchmark {
  private ScaleBenchmark() {}

  /**
   * What one run measured.
   *
   * @param images usable images loaded
   * @param size input side in pixels
   * @param loadSeconds cold load: decoding every file and writing the tensor cache
   * @param cachedLoadSeconds the same load from the tensor cache (page cache warm)
   * @param tensors "heap" or "mapped": where the 8-bit tensors were
   * @param tensorMb the tensors' size
   * @param epochSeconds the training pass of the epoch (measured, or for a partial epoch the
   *     measured batches scaled to the whole epoch)
   * @param fullEpoch whether every batch of the epoch ran
   * @param batches batches that ran
   * @param trainImagesPerSecond training images per second in that pass
   * @param trainCallSeconds the whole training call: fingerprint, epoch, validation, calibration,
   *     saving
   * @param memory the process's resident memory at the end (its peak over the run)
   * @param heapMaxMb the JVM's heap limit
   * @param budget the memory budget in force
   */
  public record Figures(
      int images,
      int size,
      double loadSeconds,
      double cachedLoadSeconds,
      String tensors,
      long tensorMb,
      double epochSeconds,
      boolean fullEpoch,
      int batches,
      double trainImagesPerSecond,
      double trainCallSeconds,
      ProcessMemory memory,
      long heapMaxMb,
      MemoryBudget budget) {}

  /**
   * Runs the benchmark on {@code set} at {@code size} pixels, with a fresh tensor cache in {@code
   * cacheFolder} (emptied first, so that the first load is cold).
   *
   * @param maxBatches train this many batches of the epoch (0: the whole epoch)
   */
  public static Figures run(
      Path set,
      int size,
      Path cacheFolder,
      MemoryBudget budget,
      int maxBatches,
      TrainingListener listener,
      ProgressListener progress)
      throws IOException {
    deleteCacheFiles(cacheFolder);
    DatasetLoader loader =
        new DatasetLoader(
            new ImageDecoder(),
            new TensorCache(cacheFolder),
            Runtime.getRuntime().availableProcessors(),
            budget);
    var index = DatasetScanner.scan(set);
    long t0 = System.nanoTime();
    loader.load(index, size, size, 3, progress, Cancellation.none());
    double load = seconds(t0);
    long t1 = System.nanoTime();
    LoadedDataset data = loader.load(index, size, size, 3, progress, Cancellation.none());
    double cachedLoad = seconds(t1);

    TrainingConfig config =
        new TrainingConfig(
            Architecture.CNN,
            1.0,
            size,
            1,
            128,
            1e-3,
            LearningRateSchedule.constant(),
            new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0, 0),
            0.2,
            SplitMethod.RANDOM,
            Augmentation.standard(),
            TrainingConfig.DEFAULT_LABEL_SMOOTHING,
            42,
            maxBatches);
    Path model = Files.createTempFile(cacheFolder, "bench", ".aslwb");
    long t2 = System.nanoTime();
    int[] trainImages = new int[1];
    TrainingListener counting =
        new TrainingListener() {
          @Override
          public void onStart(int train, int validation, int firstEpoch) {
            trainImages[0] = train;
            listener.onStart(train, validation, firstEpoch);
          }

          @Override
          public void onIteration(IterationProgress p) {
            listener.onIteration(p);
          }

          @Override
          public void onMessage(String message) {
            listener.onMessage(message);
          }
        };
    TrainingResult result;
    try {
      result = new Trainer().train(data, config, model, false, counting, Cancellation.none());
    } finally {
      Files.deleteIfExists(model);
      Files.deleteIfExists(Trainer.checkpointOf(model));
      ModelStore.deleteStaleTemporaryFiles(model);
    }
    double trainCall = seconds(t2);
    var epoch = result.history().get(0);
    int epochBatches = (trainImages[0] + config.batchSize() - 1) / config.batchSize();
    int ran = maxBatches > 0 ? Math.min(maxBatches, epochBatches) : epochBatches;
    double epochSeconds = epoch.seconds() * epochBatches / ran;
    boolean onHeap = data.samples().stream().allMatch(s -> s.onHeap());
    return new Figures(
        data.size(),
        size,
        load,
        cachedLoad,
        onHeap ? "heap" : "mapped",
        (long) data.size() * size * size * 3 >> 20,
        epochSeconds,
        ran == epochBatches,
        ran,
        epoch.imagesPerSecond(),
        trainCall,
        ProcessMemory.now(),
        Runtime.getRuntime().maxMemory() >> 20,
        budget);
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  private static void deleteCacheFiles(Path folder) throws IOException {
    Files.createDirectories(folder);
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.toList()) {
        if (Files.isRegularFile(f)) {
          Files.delete(f);
        }
      }
    }
  }
}
