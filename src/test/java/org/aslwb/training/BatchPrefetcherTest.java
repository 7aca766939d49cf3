package org.aslwb.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.aslwb.TinyModels;
import org.aslwb.data.Augmentation;
import org.aslwb.data.Augmenter;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.Preprocessing;
import org.aslwb.data.SyntheticDataset;
import org.aslwb.model.Engine;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

class BatchPrefetcherTest {
  @TempDir static Path dir;
  static LoadedDataset data;
  static BatchAssembler assembler;

  @BeforeAll
  static void data() throws Exception {
    Engine.start();
    SyntheticDataset.write(
        dir.resolve("data"), 3, 32, 4, ProgressListener.NONE, Cancellation.none());
    data = TinyModels.load(dir.resolve("data"));
    Preprocessing p =
        Preprocessing.rgb(32).withStatistics(new float[] {0.5f, 0.4f, 0.3f}, new float[] {2, 3, 4});
    assembler = new BatchAssembler(data, p, data.classNames().size());
  }

  private static int[] order() {
    int[] order = new int[data.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = (i * 37) % order.length; // not the identity: batches must follow it
    }
    return order;
  }

  @Test
  void batchesFromTheWorkerThreadEqualThoseAssembledInLine() throws Exception {
    Augmenter augmenter = new Augmenter(Augmentation.standard());
    int[] order = order();
    int batch = 10;
    int batches = (order.length + batch - 1) / batch;
    Random inline = new Random(3);
    try (BatchPrefetcher prefetch =
        new BatchPrefetcher(assembler, order, batch, batches, augmenter, new Random(3), () -> {})) {
      for (int b = 0; b < batches; b++) {
        int from = b * batch;
        int to = Math.min(order.length, from + batch);
        DataSet expected = assembler.batch(order, from, to, augmenter, inline);
        DataSet actual = prefetch.next();
        assertArrayEquals(
            expected.getFeatures().data().asFloat(), actual.getFeatures().data().asFloat());
        assertArrayEquals(
            expected.getLabels().data().asFloat(), actual.getLabels().data().asFloat());
      }
      assertThrows(IllegalStateException.class, prefetch::next);
    }
  }

  @Test
  void aFailureWhileAssemblingReachesTheTrainerAfterTheBatchesBeforeIt() throws Exception {
    int[] order = order();
    order[25] = data.size() + 5; // the third batch of ten refers to a sample that does not exist
    try (BatchPrefetcher prefetch =
        new BatchPrefetcher(assembler, order, 10, 5, null, new Random(1), () -> {})) {
      assertEquals(10, prefetch.next().numExamples());
      assertEquals(10, prefetch.next().numExamples());
      assertThrows(IndexOutOfBoundsException.class, prefetch::next);
    }
  }

  @Test
  void closingMidEpochStopsTheWorkerThatWaitsForRoom() throws Exception {
    // forty batches, of which the worker can only hold DEPTH ahead: it is blocked when closed
    BatchPrefetcher prefetch =
        new BatchPrefetcher(
            assembler,
            order(),
            1,
            40,
            new Augmenter(Augmentation.standard()),
            new Random(2),
            () -> {});
    prefetch.next();
    Thread.sleep(200);
    // close() joins the worker, so returning at all means it stopped
    assertTimeoutPreemptively(Duration.ofSeconds(10), prefetch::close);
  }
}
