package org.aslwb.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aslwb.data.PixelImage;
import org.aslwb.data.Resampler;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.Test;

class EvidenceShiftTest {
  private static Explanation clean() {
    return new LimeExplainer()
        .explain(
            new OutputSpaceTest.ConfidentClassifier(),
            LimeTest.blocks(),
            OutputSpaceTest.blackFill(200, 5),
            null,
            ProgressListener.NONE,
            Cancellation.none());
  }

  @Test
  void theSameImageAtModelSizeShiftsNoEvidence() {
    Explanation e = clean();
    PixelImage resized = Resampler.resize(LimeTest.blocks(), 16, 16);
    EvidenceShift s =
        new EvidenceShiftAnalysis()
            .run(
                new OutputSpaceTest.ConfidentClassifier(),
                e,
                resized,
                ProgressListener.NONE,
                Cancellation.none());
    assertEquals(e.segmentation().count(), s.mapped().count());
    assertEquals(16, s.mapped().width());
    // the same regions, draws and output space: the same surrogate, up to resampling
    assertArrayEquals(s.cleanWeights().weights(), s.adversarialWeights().weights(), 0.05);
    assertTrue(s.score() < 0.02, "score " + s.score());
  }

  @Test
  void darkeningTheRegionTheModelReadsShowsAsAShiftThere() {
    Explanation e = clean();
    PixelImage adversarial = Resampler.resize(LimeTest.blocks(), 16, 16);
    float[] d = adversarial.data();
    // the red block (top-left 8x8 at model size) loses its red: hiding it no longer matters
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        d[y * 16 + x] = 0;
      }
    }
    EvidenceShift s =
        new EvidenceShiftAnalysis()
            .run(
                new OutputSpaceTest.ConfidentClassifier(),
                e,
                adversarial,
                ProgressListener.NONE,
                Cancellation.none());
    int red = e.segmentation().at(5, 5);
    assertEquals(red, s.largestShift());
    assertTrue(s.shift()[red] < -3, "shift " + s.shift()[red]);
    assertTrue(s.score() > 0.3, "score " + s.score());
  }

  @Test
  void segmentationsMapByNearestNeighbour() {
    Segmentation s = new Segmentation(4, 2, new int[] {0, 0, 1, 1, 2, 2, 3, 3}, 4);
    Segmentation half = EvidenceShiftAnalysis.map(s, 2, 1);
    assertArrayEquals(new int[] {2, 3}, half.labels());
  }
}
