package org.aslwb.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.ImageDecoder;
import org.aslwb.data.TensorCache;
import org.aslwb.training.EmptyClassesTestData;
import org.aslwb.ui.UiFixtures;
import org.aslwb.ui.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainEmptyClassesTest {
  @TempDir Path dir;

  @Test
  void theTrainTabNamesEmptyClassesAndTrainsOnlyWhenTheyAreDropped() throws Exception {
    Workspace workspace = UiFixtures.sameThreadWorkspace();
    TrainViewModel vm = new TrainViewModel(workspace);
    workspace
        .datasetProperty()
        .set(
            new DatasetLoader(new ImageDecoder(), TensorCache.disabled(), 2)
                .load(EmptyClassesTestData.write(dir), 32, 32, 3));
    assertTrue(vm.emptyClassesProperty().get().contains("B"), vm.emptyClassesProperty().get());

    vm.form().widthProperty().set("0.25");
    vm.form().sizeProperty().set("32");
    vm.form().epochsProperty().set("1");
    vm.form().batchProperty().set("8");
    vm.form().valFractionProperty().set("0.25");
    vm.form().outputProperty().set(dir.resolve("cnn.aslwb").toString());
    vm.start();
    assertTrue(
        vm.form().formErrorProperty().get().contains("class B has no usable images"),
        vm.form().formErrorProperty().get());
    assertNull(workspace.modelProperty().get());

    vm.dropEmptyClassesProperty().set(true);
    vm.start();
    assertEquals(List.of("A", "C"), workspace.modelProperty().get().metadata().classNames());
  }
}
