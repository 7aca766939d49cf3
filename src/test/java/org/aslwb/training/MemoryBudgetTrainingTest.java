package org.aslwb.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aslwb.data.Augmentation;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.DatasetScanner;
import org.aslwb.data.ImageDecoder;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.MemoryBudget;
import org.aslwb.data.Sample;
import org.aslwb.data.SplitMethod;
import org.aslwb.data.SyntheticDataset;
import org.aslwb.data.TensorCache;
import org.aslwb.model.Architecture;
import org.aslwb.model.ModelStore;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data set larger than the memory budget's share for tensors is streamed from the memory-mapped
 * disk cache, and training on it gives exactly what training on the same data held on the heap
 * gives.
 */
class MemoryBudgetTrainingTest {
  @TempDir Path dir;

  private static final MemoryBudget ROOMY = new MemoryBudget(1L << 30);
  // 40 KB for tensors: a fraction of the 29 x 4 images at 32x32x3 (348 KB)
  private static final MemoryBudget TINY = new MemoryBudget(200_000);

  private LoadedDataset load(Path data, TensorCache cache, MemoryBudget budget, List<String> log)
      throws Exception {
    return new DatasetLoader(new ImageDecoder(), cache, 2, budget)
        .load(
            DatasetScanner.scan(data),
            32,
            32,
            3,
            (done, total, message) -> log.add(message),
            Cancellation.none());
  }

  private static TrainingConfig config() {
    return new TrainingConfig(
        Architecture.CNN,
        1.0,
        32,
        2,
        8,
        1e-3,
        LearningRateSchedule.constant(),
        new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0, 0),
        0.2,
        SplitMethod.AUTO,
        Augmentation.standard(),
        0.0,
        17,
        3);
  }

  @Test
  void aDataSetLargerThanItsBudgetTrainsFromTheMappedCacheWithTheSameResult() throws Exception {
    Path data = dir.resolve("data");
    SyntheticDataset.write(data, 4, 40, 5, ProgressListener.NONE, Cancellation.none());
    List<String> log = new ArrayList<>();
    LoadedDataset onHeap = load(data, TensorCache.disabled(), ROOMY, log);
    long tensorBytes = (long) onHeap.size() * 32 * 32 * 3;
    assertTrue(tensorBytes > TINY.bytes(), "the data must be larger than the whole budget");

    // first load over budget decodes straight into the cache file; the second maps it
    TensorCache cache = new TensorCache(dir.resolve("cache"));
    load(data, cache, TINY, log);
    List<String> second = new ArrayList<>();
    LoadedDataset streamed = load(data, cache, TINY, second);

    assertTrue(onHeap.samples().stream().allMatch(Sample::onHeap));
    assertFalse(streamed.samples().stream().anyMatch(Sample::onHeap), "streamed from the file");
    assertTrue(second.contains("loaded from cache"), second.toString());
    assertTrue(second.stream().anyMatch(m -> m.startsWith("streaming")), second.toString());
    assertEquals(onHeap.size(), streamed.size());
    for (int i = 0; i < onHeap.size(); i++) {
      assertEquals(onHeap.image(i), streamed.image(i), "image " + i);
    }

    TrainingResult a =
        new Trainer()
            .train(
                onHeap,
                config(),
                dir.resolve("heap.aslwb"),
                false,
                new TrainingListener() {},
                Cancellation.none());
    TrainingResult b =
        new Trainer()
            .train(
                streamed,
                config(),
                dir.resolve("mapped.aslwb"),
                false,
                new TrainingListener() {},
                Cancellation.none());
    assertEquals(2, b.epochsRun());
    for (int e = 0; e < 2; e++) {
      assertEquals(a.history().get(e).trainLoss(), b.history().get(e).trainLoss(), 1e-9);
      assertEquals(a.history().get(e).valLoss(), b.history().get(e).valLoss(), 1e-9);
      assertEquals(a.history().get(e).valAccuracy(), b.history().get(e).valAccuracy(), 1e-9);
    }
    assertArrayEquals(
        ModelStore.load(dir.resolve("heap.aslwb")).network().params().toFloatVector(),
        ModelStore.load(dir.resolve("mapped.aslwb")).network().params().toFloatVector(),
        "the same weights");
  }

  @Test
  void withTheCacheOffAnOverBudgetSetStreamsFromATemporaryFile() throws Exception {
    Path data = dir.resolve("data");
    SyntheticDataset.write(data, 2, 40, 6, ProgressListener.NONE, Cancellation.none());
    LoadedDataset onHeap = load(data, TensorCache.disabled(), ROOMY, new ArrayList<>());
    LoadedDataset streamed = load(data, TensorCache.disabled(), TINY, new ArrayList<>());
    assertFalse(streamed.samples().get(0).onHeap());
    for (int i = 0; i < onHeap.size(); i++) {
      assertEquals(onHeap.image(i), streamed.image(i), "image " + i);
    }
  }
}
