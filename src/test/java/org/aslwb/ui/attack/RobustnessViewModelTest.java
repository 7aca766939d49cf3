package org.aslwb.ui.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.aslwb.TinyModels;
import org.aslwb.ui.UiFixtures;
import org.aslwb.ui.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class RobustnessViewModelTest {
  private Workspace workspace;
  private AttackViewModel attack;
  private RobustnessViewModel vm;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void openDemo() throws Exception {
    workspace = UiFixtures.sameThreadWorkspace();
    attack = new AttackViewModel(workspace);
    vm = new RobustnessViewModel(workspace);
    vm.follow(attack.epsilonProperty(), attack.sweepCurves().sweeps());
    UiFixtures.openTinyDemo(workspace, "C");
  }

  @Test
  void thePerClassTableAndConfusionFollowTheSliderToTheNearestSweptEpsilon() {
    attack.sweepCurves().limitProperty().set("58");
    attack.sweepCurves().sweep();
    attack.epsilonProperty().set(0.0);
    assertEquals(0.0, vm.pointProperty().get().epsilon());
    long images = vm.perClass().stream().mapToLong(RobustnessViewModel.ClassRow::images).sum();
    assertEquals(58, images);
    attack.epsilonProperty().set(0.29);
    assertEquals(0.3, vm.pointProperty().get().epsilon());
    assertTrue(vm.pointTextProperty().get().contains("at eps 0.300"));
    long[][] confusion = vm.pointProperty().get().confusion();
    long total = 0;
    for (long[] row : confusion) {
      for (long n : row) {
        total += n;
      }
    }
    assertEquals(58, total);
    double mean = vm.perClass().stream().mapToDouble(r -> r.accuracy() * r.images()).sum() / 58;
    assertEquals(vm.pointProperty().get().accuracy(), mean, 1e-9);
  }

  @Test
  void minimalEpsilonsFillTheHistogramMedianAndGallery() {
    vm.minimalEpsilon();
    assertNotNull(vm.minimalProperty().get(), vm.messageProperty().get());
    assertEquals(11, vm.histogram().size());
    assertTrue(vm.minEpsTextProperty().get().contains("median minimal epsilon"));
    assertTrue(vm.fragile().size() <= RobustnessViewModel.GALLERY);
  }

  @Test
  void theTransferMatrixDiagonalIsTheModelsOwnAccuracy() throws Exception {
    Path same = TinyModels.trainedCnn();
    vm.transferEpsProperty().set("0.3");
    vm.transfer(same);
    var t = vm.transferProperty().get();
    assertNotNull(t, vm.messageProperty().get());
    assertEquals(t.accuracy()[0][0], t.accuracy()[1][1], 1e-12);
    assertEquals(t.accuracy()[0][0], t.accuracy()[0][1], 1e-12);
    vm.transferEpsProperty().set("big");
    vm.transfer(same);
    assertEquals("Transfer epsilon: a number in [0, 1]", vm.messageProperty().get());
  }
}
