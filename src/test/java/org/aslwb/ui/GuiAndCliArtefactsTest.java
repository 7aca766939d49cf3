package org.aslwb.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aslwb.TinyModels;
import org.aslwb.cli.Aslwb;
import org.aslwb.export.CurveCsv;
import org.aslwb.ui.attack.AttackViewModel;
import org.aslwb.ui.explain.ExplainViewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The app's exports and the CLI's files are the same bytes for the same inputs. */
class GuiAndCliArtefactsTest {
  @TempDir Path dir;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage(); // images in the view models need the FX toolkit
  }

  private static void cli(String... args) {
    PrintStream out = System.out;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true));
    try {
      assertEquals(0, Aslwb.run(args), String.join(" ", args));
    } finally {
      System.setOut(out);
    }
  }

  @Test
  void weightsJsonFromTheExplainTabAndFromAslwbExplainAreIdentical() throws Exception {
    Workspace workspace = UiFixtures.sameThreadWorkspace();
    ExplainViewModel vm = new ExplainViewModel(workspace);
    vm.form().samplesProperty().set("200");
    UiFixtures.openTinyDemo(workspace, "L");
    vm.explain();
    vm.export(dir.resolve("gui"));
    cli(
        "explain",
        "--model",
        TinyModels.trainedCnn().toString(),
        "--image",
        UiFixtures.firstImageOf("L").toString(),
        "--samples",
        "200",
        "--out",
        dir.resolve("cli").toString());
    byte[] gui = Files.readAllBytes(dir.resolve("gui").resolve("weights.json"));
    assertArrayEquals(Files.readAllBytes(dir.resolve("cli").resolve("weights.json")), gui);
    String json = new String(gui, java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(json.startsWith("{\n  \"image\" : \"L_"), json);
    assertTrue(json.contains("\"rank\" : 1,"), "superpixels are ranked");
    assertTrue(!json.contains("seconds"), "no wall-clock figures in the result");
  }

  @Test
  void curveCsvFromTheAttackTabAndFromAslwbAttackAreIdentical() throws Exception {
    Workspace workspace = UiFixtures.sameThreadWorkspace();
    AttackViewModel vm = new AttackViewModel(workspace);
    UiFixtures.openTinyDemo(workspace, "C");
    vm.sweepCurves().limitProperty().set("24");
    vm.sweepCurves().sweep();
    vm.sweepCurves().export(dir.resolve("gui"));
    cli(
        "attack",
        "--model",
        TinyModels.trainedCnn().toString(),
        "--data",
        TinyModels.data().toString(),
        "--limit",
        "24",
        "--out",
        dir.resolve("cli").toString());
    String gui = Files.readString(dir.resolve("gui").resolve("curve.csv"));
    assertEquals(Files.readString(dir.resolve("cli").resolve("curve.csv")), gui);
    String[] lines = gui.split("\n");
    assertEquals(CurveCsv.HEADER, lines[0]);
    assertEquals(1 + 11, lines.length, "one row per epsilon of the one curve");
    assertTrue(lines[1].startsWith("cnn.aslwb,fgsm,,0.000000,"), lines[1]);
    assertTrue(Files.size(dir.resolve("gui").resolve("curve.png")) > 0);
  }
}
