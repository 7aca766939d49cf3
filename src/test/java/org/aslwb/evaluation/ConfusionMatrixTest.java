package org.aslwb.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
  @Test
  void metricsMatchAHandComputedCase() {
    // truth: a a a b b c ; predicted: a a b b c c
    ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b", "c"));
    int[][] pairs = {{0, 0}, {0, 0}, {0, 1}, {1, 1}, {1, 2}, {2, 2}};
    for (int[] p : pairs) {
      m.add(p[0], p[1]);
    }
    assertEquals(4.0 / 6, m.accuracy(), 1e-12);
    List<ClassMetrics> c = m.perClass();
    assertEquals(1.0, c.get(0).precision(), 1e-12);
    assertEquals(2.0 / 3, c.get(0).recall(), 1e-12);
    assertEquals(0.8, c.get(0).f1(), 1e-12);
    assertEquals(0.5, c.get(1).precision(), 1e-12);
    assertEquals(0.5, c.get(1).recall(), 1e-12);
    assertEquals(0.5, c.get(2).precision(), 1e-12);
    assertEquals(1.0, c.get(2).recall(), 1e-12);
    assertEquals((0.8 + 0.5 + 2.0 / 3) / 3, m.macroF1(), 1e-12);
    assertEquals(3, c.get(0).support());
  }

  @Test
  void predictionsOutsideTheDataClassesCountAsOther() {
    ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b"));
    m.add(0, -1);
    m.add(1, 1);
    assertEquals(1, m.count(0, 2));
    assertEquals(0.5, m.accuracy(), 1e-12);
    assertEquals(true, org.aslwb.export.ConfusionCsv.of(m).startsWith("true\\predicted,a,b,other"));
  }
}
