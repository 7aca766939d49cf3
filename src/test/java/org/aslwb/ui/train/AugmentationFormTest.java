package org.aslwb.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aslwb.data.Augmentation;
import org.aslwb.ui.UiFixtures;
import org.aslwb.ui.Workspace;
import org.junit.jupiter.api.Test;

class AugmentationFormTest {
  @Test
  void theFormStartsAtTheDefaultsAndItsEditsReachTheConfigAndTheWorkspace() {
    Workspace workspace = UiFixtures.sameThreadWorkspace();
    TrainViewModel vm = new TrainViewModel(workspace);
    assertEquals(Augmentation.standard(), vm.form().augmentationForm().parse());
    vm.form().augmentationForm().valueOf("background").set("0");
    vm.form().augmentationForm().valueOf("hue").set("0.1");
    Augmentation expected = Augmentation.standard().with("background", 0).with("hue", 0.1);
    assertEquals(expected, workspace.augmentationProperty().get(), "the Data tab's preview");
    assertEquals(expected, vm.form().config().augmentation());
    vm.form().augmentProperty().set(false);
    assertEquals(Augmentation.none(), vm.form().config().augmentation());
  }

  @Test
  void aStrengthOutOfRangeOrNotANumberIsNamedAndRefused() {
    Workspace workspace = UiFixtures.sameThreadWorkspace();
    TrainViewModel vm = new TrainViewModel(workspace);
    Augmentation before = workspace.augmentationProperty().get();
    vm.form().augmentationForm().valueOf("hue").set("0.9");
    assertNull(vm.form().config());
    assertTrue(
        vm.form().formErrorProperty().get().contains("hue"), vm.form().formErrorProperty().get());
    assertEquals(before, workspace.augmentationProperty().get(), "the last valid one stays");
    vm.form().augmentationForm().valueOf("hue").set("0.05");
    vm.form().augmentationForm().valueOf("blur").set("lots");
    assertNull(vm.form().config());
    assertTrue(
        vm.form().formErrorProperty().get().contains("Blur"), vm.form().formErrorProperty().get());
    vm.form().augmentationForm().valueOf("blur").set("1");
    assertNotNull(vm.form().config());
  }
}
