package org.aslwb.ui.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aslwb.TinyModels;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Resampler;
import org.aslwb.ui.UiFixtures;
import org.aslwb.ui.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

class AttackViewModelTest {
  private Workspace workspace;
  private AttackViewModel vm;
  private PixelImage clean;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage(); // images in the view model need the FX toolkit
  }

  @BeforeEach
  void openDemo() throws Exception {
    workspace = UiFixtures.sameThreadWorkspace();
    vm = new AttackViewModel(workspace);
    UiFixtures.openTinyDemo(workspace, "C");
    var pre = workspace.modelProperty().get().metadata().preprocessing();
    clean = Resampler.resize(workspace.photoProperty().get(), pre.width(), pre.height());
  }

  @Test
  void atEpsilonZeroTheAdversarialImageIsTheCleanOneAndNothingFlips() {
    vm.epsilonProperty().set(0);
    assertEquals(clean, workspace.adversarialProperty().get());
    assertFalse(vm.shown().flippedProperty().get());
    String cleanLetter = vm.shown().cleanLabelProperty().get().split(" ")[1];
    assertTrue(
        vm.shown().adversarialLabelProperty().get().startsWith("adversarial: " + cleanLetter),
        vm.shown().adversarialLabelProperty().get());
  }

  @Test
  void movingTheSliderReRendersWithinEpsilonAndMovesTheMarker() {
    for (double eps : new double[] {0.01, 0.05, 0.2}) {
      vm.epsilonProperty().set(eps);
      PixelImage adv = workspace.adversarialProperty().get();
      float[] a = adv.data();
      float[] x = clean.data();
      double largest = 0;
      for (int i = 0; i < a.length; i++) {
        assertTrue(a[i] >= 0 && a[i] <= 1);
        largest = Math.max(largest, Math.abs(a[i] - x[i]));
      }
      assertTrue(largest <= eps + 1e-6, "moved " + largest + " at eps " + eps);
      assertTrue(largest > eps / 2, "moved only " + largest + " at eps " + eps);
      assertTrue(
          vm.epsilonTextProperty().get().startsWith(String.format("eps %.3f on the [0,1]", eps)),
          vm.epsilonTextProperty().get());
      assertNotNull(vm.shown().noiseProperty().get());
      assertEquals(5, vm.shown().adversarialTop().size());
    }
  }

  @Test
  void aLargeEpsilonFlipsTheLabelAndSaysSo() {
    vm.epsilonProperty().set(0.3);
    assertTrue(vm.shown().flippedProperty().get(), vm.shown().adversarialLabelProperty().get());
    assertTrue(vm.shown().adversarialLabelProperty().get().endsWith("FLIPPED"));
  }

  @Test
  void aSweepAddsOneCurveOfElevenPointsThatFallsWithEpsilon() {
    vm.sweepCurves().limitProperty().set("58");
    vm.sweepCurves().sweep();
    assertEquals(1, vm.sweepCurves().curves().size(), vm.messageProperty().get());
    var points = vm.sweepCurves().curves().get(0).getData();
    assertEquals(11, points.size());
    assertEquals(0.0, points.get(0).getXValue().doubleValue());
    assertTrue(
        points.get(10).getYValue().doubleValue() < points.get(0).getYValue().doubleValue(),
        "accuracy at eps 0.3 should be below the clean accuracy");
    assertTrue(vm.messageProperty().get().contains("58 images, 58 gradient passes"));
    vm.sweepCurves().clearCurves();
    assertEquals(0, vm.sweepCurves().curves().size());
  }

  @Test
  void aSweepWithANonNumericImageCountIsRefused() {
    vm.sweepCurves().limitProperty().set("many");
    vm.sweepCurves().sweep();
    assertEquals("Images: not a number", vm.messageProperty().get());
    assertEquals(0, vm.sweepCurves().curves().size());
  }

  @Test
  void anotherSavedModelAddsItsOwnCurveWithoutReplacingTheModelInUse(@TempDir Path dir)
      throws Exception {
    var inUse = workspace.modelProperty().get();
    vm.sweepCurves().limitProperty().set("29");
    vm.sweepCurves().sweep();
    Path other = Files.copy(TinyModels.trainedCnn(), dir.resolve("other.aslwb"));
    vm.sweepCurves().compare(other);
    assertEquals(2, vm.sweepCurves().curves().size(), vm.messageProperty().get());
    assertTrue(
        vm.sweepCurves().curves().get(1).getName().startsWith("other.aslwb fgsm (29 images)"));
    assertEquals(
        vm.sweepCurves().curves().get(0).getData().get(5).getYValue(),
        vm.sweepCurves().curves().get(1).getData().get(5).getYValue(),
        "the same weights give the same curve");
    assertSame(inUse, workspace.modelProperty().get());

    Path foreign = Files.writeString(dir.resolve("notes.aslwb"), "not a model");
    vm.sweepCurves().compare(foreign);
    assertTrue(vm.messageProperty().get().contains("notes.aslwb"), vm.messageProperty().get());
    assertEquals(2, vm.sweepCurves().curves().size());
  }
}
