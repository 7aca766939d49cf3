package org.aslwb.model.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aslwb.cli.Aslwb;
import org.aslwb.data.PixelImage;
import org.aslwb.model.Classifier;
import org.aslwb.model.GradientChecks;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keras import on fixtures written by {@code scripts/make_keras_fixture.py} (no TensorFlow): a
 * Sequential nesting a functional backbone and a dense head, checked against numpy's forward pass.
 */
class KerasImportTest {
  private static final Path FIXTURES = Path.of("src/test/resources/keras");
  private static final List<String> CLASSES = List.of("A", "B", "C");

  @TempDir Path dir;

  @Test
  void nestedModelGivesTheProbabilitiesOfAnIndependentForwardPass() throws Exception {
    TrainedModel model = importFixture();
    JsonNode expected = expected();
    for (int i = 0; i < expected.get("pixels").size(); i++) {
      float[] p = model.classifier().probabilities(pixels(expected.get("pixels").get(i)));
      for (int k = 0; k < CLASSES.size(); k++) {
        assertEquals(expected.get("probabilities").get(i).get(k).asDouble(), p[k], 1e-4);
      }
    }
  }

  @Test
  void importedModelSurvivesTheModelFileAndKeepsItsScaling() throws Exception {
    TrainedModel model = importFixture();
    Path file = dir.resolve("imported.aslwb");
    ModelStore.save(model, file);
    TrainedModel loaded = ModelStore.load(file);
    assertTrue(loaded.isImported());
    assertTrue(loaded.describe().contains("nested.h5"), loaded.describe());
    PixelImage image = pixels(expected().get("pixels").get(0));
    float[] before = model.classifier().probabilities(image);
    float[] after = loaded.classifier().probabilities(image);
    for (int k = 0; k < before.length; k++) {
      assertEquals(before[k], after[k], 1e-6);
    }
  }

  @Test
  void inputGradientThroughTheImportedGraphMatchesFiniteDifferences() throws Exception {
    Classifier classifier = importFixture().classifier();
    GradientChecks.assertMatchesFiniteDifferences(
        classifier, pixels(expected().get("pixels").get(1)));
  }

  @Test
  void lambdaLayersAreRefusedByNameAndNoCodeRuns() {
    KerasImportException e =
        assertThrows(
            KerasImportException.class,
            () ->
                KerasImporter.importModel(
                    FIXTURES.resolve("lambda.h5"), CLASSES, KerasPreprocess.UNIT));
    assertTrue(e.getMessage().contains("layer 'evil' is a Lambda layer"), e.getMessage());
  }

  @Test
  void filesThatAreNotHdf5OrAreTruncatedGetAClearMessage() throws Exception {
    Path text = Files.writeString(dir.resolve("model.h5"), "not a model");
    KerasImportException notHdf5 =
        assertThrows(
            KerasImportException.class,
            () -> KerasImporter.importModel(text, CLASSES, KerasPreprocess.UNIT));
    assertTrue(notHdf5.getMessage().contains("not an HDF5 file"), notHdf5.getMessage());
    byte[] whole = Files.readAllBytes(FIXTURES.resolve("nested.h5"));
    Path truncated = Files.write(dir.resolve("truncated.h5"), java.util.Arrays.copyOf(whole, 4096));
    KerasImportException damaged =
        assertThrows(
            KerasImportException.class,
            () -> KerasImporter.importModel(truncated, CLASSES, KerasPreprocess.UNIT));
    assertTrue(damaged.getMessage().startsWith(truncated.toString()), damaged.getMessage());
  }

  @Test
  void cliImportsAndRefusesWithExitCodeTwo() {
    Path out = dir.resolve("m.aslwb");
    String nested = FIXTURES.resolve("nested.h5").toString();
    assertEquals(0, importWithCli(nested, "A,B,C", out));
    assertTrue(Files.isRegularFile(out));
    // another file at --out is not replaced without --force
    assertEquals(2, importWithCli(nested, "A,B,C", out));
    assertEquals(2, importWithCli(nested, "A,B", dir.resolve("two.aslwb")));
    assertEquals(
        2,
        importWithCli(FIXTURES.resolve("lambda.h5").toString(), "A,B,C", dir.resolve("l.aslwb")));
    assertEquals(
        0, Aslwb.run("predict", "--model", out.toString(), "sample-images/A/A_synthetic_1.png"));
  }

  private static int importWithCli(String h5, String classes, Path out) {
    return Aslwb.run(
        "import",
        "--keras",
        h5,
        "--classes",
        classes,
        "--preprocess",
        "unit",
        "--out",
        out.toString());
  }

  @Test
  void labelsFilesAcceptTeachableMachinesNumberedLines() throws Exception {
    Path labels =
        Files.writeString(dir.resolve("labels.txt"), "0 A\n1 B\n\n2 C\n", StandardCharsets.UTF_8);
    assertEquals(CLASSES, KerasClassNames.read(labels));
    assertThrows(IllegalArgumentException.class, () -> KerasClassNames.parse("A,A,B"));
  }

  private static TrainedModel importFixture() throws Exception {
    return KerasImporter.importModel(FIXTURES.resolve("nested.h5"), CLASSES, KerasPreprocess.UNIT);
  }

  private static JsonNode expected() throws Exception {
    return ModelStore.json().readTree(FIXTURES.resolve("nested-expected.json").toFile());
  }

  private static PixelImage pixels(JsonNode values) {
    float[] data = new float[values.size()];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) values.get(i).asDouble();
    }
    return new PixelImage(16, 16, 3, data);
  }
}
