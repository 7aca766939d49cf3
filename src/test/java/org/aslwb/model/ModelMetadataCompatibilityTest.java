package org.aslwb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aslwb.ModelFileSurgery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelMetadataCompatibilityTest {
  /**
   * The model.json of the demo model bundled before calibration, external tests, the named split
   * methods and robust accuracy existed (trained on a "stratified" split).
   */
  private static final Path LEGACY =
      Path.of("src/test/resources/legacy/model-before-calibration.json");

  @TempDir Path dir;

  @Test
  void aModelFileFromBeforeCalibrationExternalTestsAndRobustAccuracyStillLoads() throws Exception {
    byte[] legacy = Files.readAllBytes(LEGACY);
    Path old =
        ModelFileSurgery.edit(
            ModelFileSurgery.DEMO_MODEL,
            dir.resolve("old.aslwb"),
            entries -> entries.put("model.json", legacy));
    ModelMetadata m = ModelStore.readMetadata(old);
    assertNull(m.calibration());
    assertEquals(1, m.temperatureOrOne());
    assertEquals(List.of(), m.externalTestsOrEmpty());
    assertEquals("random", m.validationSplitMethod());
    assertEquals(25, m.history().size());
    for (EpochMetrics e : m.history()) {
      assertNull(e.robustAccuracy(), "not measured then");
      assertNull(e.robustEpsilon());
    }
    // and the whole file, network included, still loads and classifies
    assertEquals(29, ModelStore.load(old).classifier().numClasses());
  }
}
