package org.aslwb.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LabelAgreementTest {
  @Test
  void theSamePartitionUnderOtherLabelNumbersAgreesFully() {
    int[] ours = {0, 0, 1, 1, 2, 2, 2, 3};
    int[] theirs = {7, 7, 4, 4, 9, 9, 9, 1};
    LabelAgreement a = LabelAgreement.of(ours, theirs);
    assertEquals(1, a.adjustedRand(), 1e-12);
    assertEquals(1, a.purity(), 1e-12);
    assertEquals(1, a.inversePurity(), 1e-12);
  }

  @Test
  void oneSplitSegmentLowersPurityOneWayOnly() {
    int[] ours = {0, 0, 0, 0, 1, 1, 1, 1};
    int[] theirs = {0, 0, 5, 5, 1, 1, 1, 1};
    LabelAgreement a = LabelAgreement.of(ours, theirs);
    assertEquals(0.75, a.purity(), 1e-12); // our segment 0 is half in 0, half in 5
    assertEquals(1, a.inversePurity(), 1e-12);
    // hand-computed: index 8, row pairs 12, column pairs 8, all pairs 28
    double expected = 12.0 * 8 / 28;
    assertEquals((8 - expected) / (10 - expected), a.adjustedRand(), 1e-12);
    assertTrue(a.adjustedRand() < 1);
  }
}
