package org.aslwb.ui.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import org.aslwb.data.Augmentation;
import org.aslwb.ui.UiFixtures;
import org.aslwb.ui.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class AugmentationPreviewTest {
  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage(); // images in the view model need the FX toolkit
  }

  private static int[] pixels(Image image) {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] argb = new int[w * h];
    image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    return argb;
  }

  @Test
  void thePreviewDrawsTheTrainTabsAugmentation() throws Exception {
    Workspace workspace = UiFixtures.sameThreadWorkspace();
    DataViewModel vm = new DataViewModel(workspace);
    UiFixtures.openTinyDemo(workspace, "A");
    workspace.augmentationProperty().set(Augmentation.none());
    vm.previewSample(0);
    int[] source = pixels(vm.augmentationSourceProperty().get());
    assertEquals(DataViewModel.PREVIEW_COUNT, vm.augmentations().size());
    for (Image copy : vm.augmentations()) {
      assertArrayEquals(source, pixels(copy), "no augmentation: the image itself");
    }
    workspace.augmentationProperty().set(Augmentation.none().with("flip", 1));
    int[] mirrored = pixels(vm.augmentations().get(0));
    assertFalse(Arrays.equals(source, mirrored), "a new setting redraws the preview");
    int w = (int) vm.augmentations().get(0).getWidth();
    assertEquals(source[w - 1], mirrored[0]);
    assertEquals("Training augmentation: flip=1", vm.augmentationText().get());
  }
}
