package org.aslwb.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendOutputsTest {
  @TempDir Path dir;

  private static BackendOutputs outputs(float p0, float g0) {
    return new BackendOutputs(
        List.of("a.png", "b.png"),
        new float[][] {{p0, 1 - p0}, {0.2f, 0.8f}},
        new float[][] {{g0, -0.5f}, {0.25f, 0.125f}});
  }

  @Test
  void writtenOutputsReadBackAndCompareEqual() throws Exception {
    BackendOutputs cpu = outputs(0.7f, 0.5f);
    cpu.write(dir.resolve("cpu.txt"));
    BackendOutputs.Difference d = BackendOutputs.read(dir.resolve("cpu.txt")).compare(cpu);
    assertEquals(0, d.maxProbabilityDifference());
    assertEquals(0, d.maxGradientDifference());
    assertEquals(1, d.top1Agreement());
  }

  @Test
  void differencesAreMeasuredGradientsRelativeToTheLargest() {
    BackendOutputs.Difference d = outputs(0.4f, 0.45f).compare(outputs(0.7f, 0.5f));
    assertEquals(0.3, d.maxProbabilityDifference(), 1e-6);
    assertEquals(0.05 / 0.5, d.maxGradientDifference(), 1e-6);
    assertEquals(0.5, d.top1Agreement(), 1e-9);
  }

  @Test
  void aForeignFileIsRefusedWithItsLine() throws Exception {
    Files.writeString(dir.resolve("x.txt"), "a.png;0.5,0.5;1\nnot a line\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> BackendOutputs.read(dir.resolve("x.txt")));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }
}
