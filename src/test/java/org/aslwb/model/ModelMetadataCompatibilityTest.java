package org.aslwb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelMetadataCompatibilityTest {
  @Test
  void aModelFileFromBeforeCalibrationAndExternalTestsStillLoads() throws Exception {
    // the bundled demo was trained before these fields existed, on a "stratified" split
    ModelMetadata m = ModelStore.readMetadata(Path.of("demo", "demo-cnn.aslwb"));
    assertNull(m.calibration());
    assertEquals(1, m.temperatureOrOne());
    assertEquals(List.of(), m.externalTestsOrEmpty());
    assertEquals("random", m.validationSplitMethod());
  }
}
