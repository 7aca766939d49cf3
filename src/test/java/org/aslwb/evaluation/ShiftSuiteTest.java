package org.aslwb.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.aslwb.TinyModels;
import org.aslwb.data.Corruption;
import org.aslwb.data.LoadedDataset;
import org.aslwb.export.ShiftsCsv;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShiftSuiteTest {
  static TrainedModel model;
  static LoadedDataset data;
  static int[] indices;

  @BeforeAll
  static void load() throws Exception {
    model = TinyModels.model();
    data = TinyModels.load(TinyModels.data());
    indices = java.util.stream.IntStream.range(0, data.size()).filter(i -> i % 4 == 0).toArray();
  }

  private static ShiftReport run(long seed) {
    return new ShiftSuite()
        .run(
            model.classifier(),
            data,
            indices,
            "all",
            seed,
            ProgressListener.NONE,
            Cancellation.none());
  }

  @Test
  void theSameSeedGivesTheSameReportAndAnotherSeedAnotherOne() {
    ShiftReport a = run(5);
    ShiftReport b = run(5);
    assertEquals(a.scores(), b.scores());
    assertEquals(ShiftsCsv.of(a), ShiftsCsv.of(b));
    assertEquals(Corruption.values().length * Corruption.SEVERITIES, a.scores().size());
    // the random corruptions (noise, brightness sign, cast and translation directions) move
    assertNotEquals(a.scores(), run(6).scores());
  }

  @Test
  void theCorruptedImagesAreTheSameForASeedWhateverTheSubset() {
    LoadedDataset all = ShiftSuite.corrupted(data, Corruption.NOISE, 2, 9);
    var some = new java.util.ArrayList<org.aslwb.data.Sample>();
    for (int i : indices) {
      some.add(data.samples().get(i));
    }
    LoadedDataset subset =
        ShiftSuite.corrupted(
            new LoadedDataset(
                data.index(),
                data.width(),
                data.height(),
                data.channels(),
                some,
                data.unreadable()),
            Corruption.NOISE,
            2,
            9);
    for (int k = 0; k < indices.length; k++) {
      assertEquals(all.image(indices[k]), subset.image(k));
    }
    assertNotEquals(data.image(0), all.image(0));
  }

  @Test
  void theReportHasTheCleanAccuracyTheMeanAndACsvRowPerShift() {
    ShiftReport r = run(1);
    double clean =
        new Evaluator()
            .evaluate(
                model.classifier(),
                data,
                indices,
                "all",
                ProgressListener.NONE,
                Cancellation.none())
            .accuracy();
    assertEquals(clean, r.cleanAccuracy(), 1e-12);
    double mean = r.scores().stream().mapToDouble(ShiftReport.Score::accuracy).average().orElse(0);
    assertEquals(mean, r.meanAccuracy(), 1e-12);
    String[] lines = ShiftsCsv.of(r).split("\n");
    assertEquals("shift,severity,setting,accuracy,clean_accuracy", lines[0]);
    assertEquals(1 + r.scores().size() + 2, lines.length);
    assertTrue(lines[lines.length - 1].startsWith("mean over shifts"), lines[lines.length - 1]);
    assertTrue(r.toTable().contains("zoom out"), r.toTable());
  }

  @Test
  void progressIsReportedAndCancellationStopsTheSuite() {
    AtomicInteger calls = new AtomicInteger();
    Cancellation cancel = new Cancellation();
    assertThrows(
        Cancellation.CancelledException.class,
        () ->
            new ShiftSuite()
                .run(
                    model.classifier(),
                    data,
                    indices,
                    "all",
                    1,
                    (done, total, message) -> {
                      if (calls.incrementAndGet() == 3) {
                        cancel.cancel();
                      }
                    },
                    cancel));
    assertEquals(3, calls.get());
  }
}
