package org.aslwb.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.aslwb.TinyModels;
import org.aslwb.attack.SweepSettings;
import org.aslwb.attack.ValidationSweep;
import org.aslwb.data.Augmentation;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.SplitMethod;
import org.aslwb.data.SyntheticDataset;
import org.aslwb.model.Architecture;
import org.aslwb.model.EpochMetrics;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validation accuracy under FGSM that a run can measure after each epoch. */
class RobustAccuracyTrainingTest {
  @TempDir static Path dir;
  static LoadedDataset data;

  @BeforeAll
  static void data() throws Exception {
    SyntheticDataset.write(
        dir.resolve("data"), 6, 48, 11, ProgressListener.NONE, Cancellation.none());
    data = TinyModels.load(dir.resolve("data"));
  }

  private static TrainingConfig config(int epochs, double robustEpsilon) {
    return new TrainingConfig(
        Architecture.CNN,
        0.25,
        32,
        epochs,
        16,
        3e-3,
        LearningRateSchedule.constant(),
        new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0, 0),
        0.2,
        SplitMethod.AUTO,
        Augmentation.none(),
        0.0,
        9,
        2,
        robustEpsilon);
  }

  private static TrainingResult train(
      TrainingConfig c, Path out, TrainingListener l, Cancellation x) throws Exception {
    return new Trainer().train(data, c, out, false, l, x);
  }

  @Test
  void atEpsilonZeroTheRobustAccuracyOfEveryEpochIsTheCleanValidationAccuracy() throws Exception {
    Path out = dir.resolve("eps0.aslwb");
    TrainingResult r = train(config(2, 0), out, new TrainingListener() {}, Cancellation.none());
    assertEquals(2, r.history().size());
    for (EpochMetrics m : r.history()) {
      assertEquals(0.0, m.robustEpsilon());
      assertEquals(m.valAccuracy(), m.robustAccuracy(), 1e-12, m.toString());
    }
    // recorded in the model file's history as well
    assertEquals(r.history(), ModelStore.load(out).metadata().history());
  }

  @Test
  void eachEpochRecordsTheAttackTabsAccuracyAtItsEpsilon() throws Exception {
    Path out = dir.resolve("eps.aslwb");
    double eps = 0.03;
    TrainingResult r = train(config(2, eps), out, new TrainingListener() {}, Cancellation.none());
    assertEquals(2, r.history().size());
    for (EpochMetrics m : r.history()) {
      assertEquals(eps, m.robustEpsilon());
      assertTrue(m.robustAccuracy() >= 0 && m.robustAccuracy() <= 1, m.toString());
    }
    // the checkpoint holds the last epoch's weights: the Attack tab's sweep over its validation
    // split at the same epsilon gives the recorded value exactly
    TrainedModel last = ModelStore.load(Trainer.checkpointOf(out));
    double swept =
        ValidationSweep.run(
                "last epoch",
                last,
                data,
                "fgsm",
                null,
                new SweepSettings(new double[] {0, eps}, 0),
                9,
                ProgressListener.NONE,
                Cancellation.none())
            .points()
            .get(1)
            .accuracy();
    EpochMetrics lastEpoch = r.history().get(1);
    assertEquals(swept, lastEpoch.robustAccuracy(), 1e-12);
  }

  @Test
  void aRunWithoutRobustEpsilonRecordsNone() throws Exception {
    TrainingResult r =
        train(
            config(1, TrainingConfig.NO_ROBUST_EPSILON),
            dir.resolve("none.aslwb"),
            new TrainingListener() {},
            Cancellation.none());
    assertNull(r.history().get(0).robustAccuracy());
    assertNull(r.history().get(0).robustEpsilon());
  }

  @Test
  void cancellingDuringTheAttackRecordsNoEpochAndResumeGivesTheUninterruptedMetrics()
      throws Exception {
    TrainingConfig c = config(1, 0.03);
    List<EpochMetrics> straight =
        train(c, dir.resolve("straight.aslwb"), new TrainingListener() {}, Cancellation.none())
            .history();
    Path out = dir.resolve("cancelled.aslwb");
    Cancellation cancel = new Cancellation();
    // cancelled after the epoch's last batch: the next check is the attack's
    TrainingListener afterLastBatch =
        new TrainingListener() {
          @Override
          public void onIteration(IterationProgress p) {
            if (p.batch() == p.batches()) {
              cancel.cancel();
            }
          }
        };
    TrainingResult cancelled = train(c, out, afterLastBatch, cancel);
    assertEquals(TrainingResult.StopReason.CANCELLED, cancelled.stopReason());
    assertEquals(0, cancelled.epochsRun());
    TrainingResult resumed =
        new Trainer().train(data, c, out, true, new TrainingListener() {}, Cancellation.none());
    assertEquals(1, resumed.epochsRun());
    EpochMetrics a = straight.get(0);
    EpochMetrics b = resumed.history().get(0);
    assertEquals(a.trainLoss(), b.trainLoss(), 0);
    assertEquals(a.valAccuracy(), b.valAccuracy(), 0);
    assertEquals(a.robustAccuracy(), b.robustAccuracy(), 0);
  }

  @Test
  void anEpsilonOutsideZeroToOneIsRefusedNamingTheOption() {
    for (double bad : new double[] {-0.1, 1.5, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> config(1, bad));
      assertTrue(e.getMessage().startsWith("robust-eps must be in [0, 1]"), e.getMessage());
    }
  }
}
