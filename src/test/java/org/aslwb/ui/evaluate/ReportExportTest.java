package org.aslwb.ui.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aslwb.ui.UiFixtures;
import org.aslwb.ui.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

class ReportExportTest {
  @TempDir Path dir;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage(); // images in the view model need the FX toolkit
  }

  @Test
  void exportReportWritesTheWorkspacesModelDataAndImageIntoOneHtmlFile() throws Exception {
    Workspace workspace = UiFixtures.sameThreadWorkspace();
    EvaluateViewModel vm = new EvaluateViewModel(workspace);
    UiFixtures.openTinyDemo(workspace, "L");
    Path image = UiFixtures.firstImageOf("B");
    vm.openImage(image);
    Path report = dir.resolve("reports").resolve("tiny.html");
    vm.exportReport(report);
    assertEquals("Report written to " + report, vm.messageProperty().get());
    String html = Files.readString(report);
    for (String id : new String[] {"model-card", "evaluation", "attack", "explanations"}) {
      assertTrue(html.contains("<section id=\"" + id + "\">"), id);
    }
    assertTrue(html.contains("aslwb explain --model "), "explain command");
    assertTrue(html.contains("--image " + image), "the opened image's path");
  }

  @Test
  void withoutAModelNothingIsWrittenAndTheMessageSaysWhy() {
    EvaluateViewModel vm = new EvaluateViewModel(UiFixtures.sameThreadWorkspace());
    Path report = dir.resolve("none.html");
    vm.exportReport(report);
    assertEquals("Needs a model opened from a file.", vm.messageProperty().get());
    assertFalse(Files.exists(report));
  }
}
