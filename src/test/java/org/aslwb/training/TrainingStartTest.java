package org.aslwb.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aslwb.TinyModels;
import org.aslwb.data.Augmentation;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.SplitMethod;
import org.aslwb.data.SyntheticDataset;
import org.aslwb.model.Architecture;
import org.aslwb.model.EpochMetrics;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

/** What another training loop (the Spark module's) gets to write the desktop's model file. */
class TrainingStartTest {
  @TempDir Path dir;

  @Test
  void anEpochHandedOutInPartsIsTheSameEpochAndTheModelKeepsItsHistory() throws Exception {
    SyntheticDataset.write(dir.resolve("d"), 3, 40, 2, ProgressListener.NONE, Cancellation.none());
    LoadedDataset data = TinyModels.load(dir.resolve("d"));
    TrainingConfig config =
        new TrainingConfig(
            Architecture.CNN,
            1.0,
            32,
            1,
            8,
            1e-3,
            LearningRateSchedule.constant(),
            new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0, 0),
            0.2,
            SplitMethod.RANDOM,
            Augmentation.standard(),
            0.0,
            4,
            0);
    TrainingStart start = TrainingStart.of(data, config);
    int batches = start.batchesPerEpoch();
    List<DataSet> whole = start.epochBatches(1, 0, batches);
    List<DataSet> parts = new ArrayList<>(start.epochBatches(1, 0, 3));
    parts.addAll(start.epochBatches(1, 3, batches));
    assertEquals(batches, whole.size());
    for (int b = 0; b < batches; b++) {
      assertArrayEquals(
          whole.get(b).getFeatures().data().asFloat(),
          parts.get(b).getFeatures().data().asFloat(),
          "batch " + b);
    }

    var net = start.initial().network();
    net.fit(whole.get(0));
    EpochMetrics m = start.score(net, 1, net.score(), 1.0);
    TrainedModel done = start.finish(net, List.of(m));
    assertEquals(List.of(m), done.metadata().history());
    assertEquals(start.initial().metadata().dataFingerprint(), done.metadata().dataFingerprint());
    assertNotNull(done.metadata().calibration());
  }
}
