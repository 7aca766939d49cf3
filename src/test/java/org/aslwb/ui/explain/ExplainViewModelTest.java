package org.aslwb.ui.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aslwb.explain.Explanation;
import org.aslwb.explain.LabelExplanation;
import org.aslwb.ui.UiFixtures;
import org.aslwb.ui.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

class ExplainViewModelTest {
  private Workspace workspace;
  private ExplainViewModel vm;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage(); // images in the view model need the FX toolkit
  }

  @BeforeEach
  void openDemo() throws Exception {
    workspace = UiFixtures.sameThreadWorkspace();
    vm = new ExplainViewModel(workspace);
    vm.form().samplesProperty().set("300");
    UiFixtures.openTinyDemo(workspace, "L");
  }

  @Test
  void aNewImageIsSegmentedAndItsSuperpixelsCountedBeforeLimeRuns() {
    assertTrue(vm.segmentInfoProperty().get().matches("\\d+ superpixels \\(48x48\\)"));
    assertNull(vm.cleanProperty().get());
  }

  @Test
  void clickingASuperpixelShowsItsWeightRankAndThePredictionWithoutIt() {
    vm.explain();
    Explanation e = vm.cleanProperty().get();
    assertNotNull(e, vm.messageProperty().get());
    int id = e.segmentation().at(24, 24);
    LabelExplanation top = e.top();
    vm.select(24, 24);
    String shown = vm.selectionProperty().get();
    assertTrue(
        shown.startsWith(
            String.format(
                "superpixel %d: weight %+.3g (%s) for %s, rank %d of %d",
                id,
                top.weights()[id],
                e.outputSpace().displayName(),
                top.className(),
                top.rankOf(id),
                top.weights().length)),
        shown);
    assertTrue(shown.contains("hidden, the model says"), shown);
    assertTrue(vm.cleanSummaryProperty().get().contains("seed 42"));
  }

  @Test
  void theAdversarialImageShowsWithTheCleanSuperpixelsBeforeLimeRuns() {
    assertNull(vm.adversarialOverlayProperty().get());
    var pre = workspace.modelProperty().get().metadata().preprocessing();
    var adv =
        org.aslwb.data.Resampler.resize(workspace.photoProperty().get(), pre.width(), pre.height());
    workspace.adversarialProperty().set(adv);
    var shown = vm.adversarialOverlayProperty().get();
    assertNotNull(shown);
    assertEquals(pre.width(), (int) shown.getWidth());
    assertTrue(vm.adversarialSummaryProperty().get().startsWith("not explained yet"));
    assertNull(vm.cleanProperty().get());
    // when the Attack tab's state is cleared (a new model or image), no adversarial image is left
    workspace.adversarialProperty().set(null);
    assertNull(vm.adversarialOverlayProperty().get());
  }

  @Test
  void theAdversarialImageFromTheAttackTabIsExplainedBesideTheCleanOne() {
    var pre = workspace.modelProperty().get().metadata().preprocessing();
    var photo = workspace.photoProperty().get();
    workspace
        .adversarialProperty()
        .set(org.aslwb.data.Resampler.resize(photo, pre.width(), pre.height()));
    vm.explain();
    assertTrue(vm.adversarialSummaryProperty().get().startsWith("adversarial: "));
    assertNotNull(vm.adversarialOverlayProperty().get());
  }

  @Test
  void theAdversarialExplanationUsesTheCleanSuperpixelsAndAClickShowsBothWeights() {
    var pre = workspace.modelProperty().get().metadata().preprocessing();
    var photo = workspace.photoProperty().get();
    workspace
        .adversarialProperty()
        .set(org.aslwb.data.Resampler.resize(photo, pre.width(), pre.height()));
    vm.explain();
    var shift = vm.shiftProperty().get();
    assertNotNull(shift, vm.messageProperty().get());
    assertEquals(vm.cleanProperty().get().segmentation().count(), shift.mapped().count());
    assertEquals(pre.width(), shift.mapped().width());
    assertTrue(vm.adversarialSummaryProperty().get().contains("evidence-shift score"));
    vm.select(24, 24);
    assertTrue(
        vm.selectionProperty().get().contains("on the adversarial image"),
        vm.selectionProperty().get());
  }

  @Test
  void theExportCarriesTheAdversarialSectionTheCliWrites(@TempDir Path dir) throws Exception {
    var pre = workspace.modelProperty().get().metadata().preprocessing();
    var adv =
        org.aslwb.data.Resampler.resize(workspace.photoProperty().get(), pre.width(), pre.height());
    workspace.adversarialProperty().set(adv);
    workspace
        .adversarialFrameProperty()
        .set(new org.aslwb.attack.AttackFrames.Frame("pgd", 0.02, adv, null, false));
    vm.explain();
    vm.export(dir);
    String json = Files.readString(dir.resolve("weights.json"));
    assertTrue(json.contains("\"adversarial\""), json);
    assertTrue(json.matches("(?s).*\"attack\"\\s*:\\s*\"pgd\".*"), json);
    assertTrue(json.contains("\"evidence_shift_score\""), json);
  }

  @Test
  void theChosenOutputSpaceIsExplainedAndNamedInTheSummary() {
    vm.form().outputSpaceProperty().set("margin");
    vm.explain();
    assertEquals(
        org.aslwb.explain.OutputSpace.LOGIT_MARGIN, vm.cleanProperty().get().outputSpace());
    assertTrue(vm.cleanSummaryProperty().get().contains("explaining the logit margin"));
    vm.form().outputSpaceProperty().set("odds");
    vm.explain();
    assertTrue(vm.messageProperty().get().contains("unknown output space 'odds'"));
  }

  @Test
  void badParametersAreNamedAndNothingRuns() {
    vm.form().samplesProperty().set("lots");
    vm.explain();
    assertTrue(vm.messageProperty().get().startsWith("Parameters: "), vm.messageProperty().get());
    assertNull(vm.cleanProperty().get());
  }

  @Test
  void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
    vm.explain();
    double[] first = vm.cleanProperty().get().top().weights();
    vm.explain();
    assertEquals(
        java.util.Arrays.toString(first),
        java.util.Arrays.toString(vm.cleanProperty().get().top().weights()));
    vm.form().seedProperty().set("7");
    vm.explain();
    assertTrue(!java.util.Arrays.equals(first, vm.cleanProperty().get().top().weights()));
  }
}
