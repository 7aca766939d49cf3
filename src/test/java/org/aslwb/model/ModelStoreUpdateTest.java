package org.aslwb.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.aslwb.data.Preprocessing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreUpdateTest {
  @TempDir Path dir;

  private static byte[] entry(Path file, String name) throws Exception {
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (e.getName().equals(name)) {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          zip.transferTo(out);
          return out.toByteArray();
        }
      }
    }
    throw new AssertionError("no " + name + " in " + file);
  }

  private Path savedModel() throws Exception {
    NetworkShape shape = new NetworkShape(3, 32, 32, 3, 1.0);
    ModelMetadata metadata =
        new ModelMetadata(
            ModelMetadata.FORMAT,
            ModelMetadata.VERSION,
            Architecture.CNN.id(),
            1.0,
            List.of("A", "B", "C"),
            new Preprocessing(32, 32, 3, new float[3], new float[] {1, 1, 1}),
            List.of(),
            0,
            1,
            Map.of("split", "frames"),
            "fingerprint",
            "",
            null,
            null);
    Path file = dir.resolve("m.aslwb");
    ModelStore.save(new TrainedModel(Architecture.CNN.create(shape, 1, 1e-3), metadata), file);
    return file;
  }

  @Test
  void keepingAResultRewritesTheDescriptionAndLeavesTheNetworkByteForByte() throws Exception {
    Path file = savedModel();
    byte[] network = entry(file, ModelStore.NETWORK_ENTRY);
    ModelMetadata before = ModelStore.readMetadata(file);
    ExternalTest test =
        new ExternalTest(
            "/photos", "abc", "2026-11-27T15:00:00Z", 0.5, 10, "external", 0.1, List.of());
    TemperatureScaling t = new TemperatureScaling(1.5, "val", "frames", 10, 0.2, 0.1, 1.0, 0.9);
    ModelStore.updateMetadata(file, m -> m.withExternalTest(test));
    ModelStore.updateMetadata(file, m -> m.withCalibration(t));

    assertArrayEquals(network, entry(file, ModelStore.NETWORK_ENTRY));
    ModelMetadata after = ModelStore.load(file).metadata();
    assertEquals(List.of(test), after.externalTestsOrEmpty());
    assertEquals(t, after.calibration());
    assertEquals(1.5, after.temperatureOrOne());
    assertEquals(before.createdAt(), after.createdAt());
    assertEquals(before.withCalibration(t).withExternalTest(test), after);
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void aFileThatIsNotAModelIsNotRewritten() throws Exception {
    Path notModel = Files.writeString(dir.resolve("x.aslwb"), "nope");
    assertThrows(ModelFileException.class, () -> ModelStore.updateMetadata(notModel, m -> m));
    assertEquals("nope", Files.readString(notModel));
  }
}
