package org.aslwb.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.aslwb.model.EpochMetrics;
import org.junit.jupiter.api.Test;

class TrainingPolicyTest {
  private static List<EpochMetrics> history(double... valLosses) {
    List<EpochMetrics> h = new ArrayList<>();
    for (int i = 0; i < valLosses.length; i++) {
      h.add(new EpochMetrics(i + 1, 1, 0.5, valLosses[i], 0.5, 1e-3, 100, 1));
    }
    return h;
  }

  @Test
  void earlyStoppingWaitsPatienceEpochsAfterTheLastRealImprovement() {
    EarlyStopping es = new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0.01, 2);
    assertEquals(2, es.bestEpoch(history(1.0, 0.5, 0.495, 0.6)));
    assertFalse(es.shouldStop(history(1.0, 0.5, 0.495)));
    assertTrue(es.shouldStop(history(1.0, 0.5, 0.495, 0.6)));
    assertFalse(
        new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0, 0).shouldStop(history(1, 2, 3, 4)));
  }

  @Test
  void schedulesGiveTheDocumentedRates() {
    assertEquals(0.25, LearningRateSchedule.parse("step:0.5:2").rate(1, 5, List.of()), 1e-12);
    assertEquals(0.81, LearningRateSchedule.parse("exp:0.9").rate(1, 3, List.of()), 1e-12);
    LearningRateSchedule plateau = LearningRateSchedule.parse("plateau:0.5:2");
    assertEquals(1.0, plateau.rate(1, 3, history(1.0, 0.9)), 1e-12);
    assertEquals(0.5, plateau.rate(1, 5, history(1.0, 0.9, 0.95, 0.97)), 1e-12);
  }
}
