package org.aslwb.ui.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aslwb.TinyModels;
import org.aslwb.evaluation.Evaluation;
import org.aslwb.model.ModelStore;
import org.aslwb.model.keras.KerasPreprocess;
import org.aslwb.ui.UiFixtures;
import org.aslwb.ui.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

class EvaluateViewModelTest {
  private Workspace workspace;
  private EvaluateViewModel vm;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage(); // images in the view model need the FX toolkit
  }

  @BeforeEach
  void openDemo() throws Exception {
    workspace = UiFixtures.sameThreadWorkspace();
    vm = new EvaluateViewModel(workspace);
    UiFixtures.openTinyDemo(workspace, "A");
  }

  @Test
  void openedImagesShowTheirLetterWithFiveRankedProbabilities() throws Exception {
    var classes = workspace.modelProperty().get().metadata().classNames();
    int right = 0;
    for (String letter : classes) {
      Path file = UiFixtures.firstImageOf(letter);
      vm.openImage(file);
      assertTrue(classes.contains(vm.letterProperty().get()), vm.letterProperty().get());
      assertEquals(5, vm.top().size());
      for (int i = 1; i < 5; i++) {
        assertTrue(vm.top().get(i - 1).probability() >= vm.top().get(i).probability());
      }
      assertEquals(vm.letterProperty().get(), vm.top().get(0).name());
      assertTrue(vm.imageInfoProperty().get().startsWith(file.getFileName().toString()));
      right += letter.equals(vm.letterProperty().get()) ? 1 : 0;
    }
    // chance is 1 in 29: far above it only if the model file's preprocessing is replayed
    assertTrue(right >= 15, right + " of 29 images predicted right");
  }

  @Test
  void anUnreadableImageIsNamedWithItsReasonAndThePredictionStays(@TempDir Path dir)
      throws Exception {
    String before = vm.letterProperty().get();
    Path broken = Files.write(dir.resolve("broken.png"), new byte[] {1, 2, 3, 4});
    vm.openImage(broken);
    assertTrue(vm.messageProperty().get().contains("broken.png"), vm.messageProperty().get());
    assertEquals(before, vm.letterProperty().get());
  }

  @Test
  void evaluatingFillsMetricsAndTheGridAndACellShowsItsImages() {
    vm.evaluate();
    Evaluation e = vm.evaluationProperty().get();
    assertNotNull(e, vm.messageProperty().get());
    assertEquals("val", e.split());
    assertEquals(29, vm.perClass().size());
    assertEquals(Math.min(EvaluateViewModel.GRID, e.samples().size()), vm.grid().size());
    assertTrue(vm.scoresProperty().get().startsWith("accuracy "), vm.scoresProperty().get());
    long wrongTiles = vm.grid().stream().filter(t -> !t.correct()).count();
    long wrongSamples =
        e.samples().stream().limit(EvaluateViewModel.GRID).filter(s -> !s.correct()).count();
    assertEquals(wrongSamples, wrongTiles);

    long[][] counts = vm.confusionCounts();
    int row = 0;
    while (counts[row][row] == 0) {
      row++;
    }
    vm.selectCell(row, row);
    assertEquals(counts[row][row], vm.cellTiles().size());
    assertTrue(vm.cellTitleProperty().get().contains(counts[row][row] + " images"));
  }

  @Test
  void evaluatingWithoutADataSetSaysWhatIsMissing() {
    workspace.datasetProperty().set(null);
    vm.evaluate();
    assertEquals("Needs a model and a data set.", vm.messageProperty().get());
  }

  @Test
  void testingOnAnotherDataSetIsLabelledExternalListedAndKeptWithTheModel(@TempDir Path dir)
      throws Exception {
    Path model = Files.copy(TinyModels.trainedCnn(), dir.resolve("model.aslwb"));
    workspace.modelFileProperty().set(model);
    Path other = dir.resolve("other");
    for (String folder : new String[] {"c", "digits"}) {
      Files.createDirectories(other.resolve(folder));
      Files.copy(UiFixtures.firstImageOf("C"), other.resolve(folder).resolve("c1.png"));
    }
    vm.testOn(other);
    Evaluation e = vm.evaluationProperty().get();
    assertNotNull(e, vm.messageProperty().get());
    assertEquals("external", e.split());
    assertTrue(vm.scoresProperty().get().contains("(external: other)"), vm.scoresProperty().get());
    assertTrue(
        vm.messageProperty().get().contains("Skipped folder digits: not a model class"),
        vm.messageProperty().get());
    assertTrue(vm.calibration().titleProperty().get().contains("external"));
    assertEquals(1, vm.externalTests().size());
    assertEquals(1, vm.externalTests().get(0).images());
    assertEquals(1, ModelStore.readMetadata(model).externalTestsOrEmpty().size());

    vm.evaluate(); // the model's own data: its validation split, not kept as a test
    assertEquals("val", vm.evaluationProperty().get().split());
    assertTrue(
        vm.scoresProperty().get().contains("(val, random split)"), vm.scoresProperty().get());
    assertFalse(vm.calibration().reliability().isEmpty());
    assertEquals(1, vm.externalTests().size());
  }

  @Test
  void importingAKerasModelSavesItWithoutReplacingAnotherAndOpensIt(@TempDir Path dir)
      throws Exception {
    String previous = System.setProperty("aslwb.models", dir.toString());
    try {
      Path h5 = dir.resolve("fixture.h5");
      Files.copy(Path.of("src/test/resources/keras/nested.h5"), h5);
      Files.writeString(dir.resolve("labels.txt"), "0 A\n1 B\n2 C\n");
      assertEquals("A,B,C", vm.library().suggestedClasses(h5));
      Files.writeString(dir.resolve("fixture.aslwb"), "someone else's file");
      vm.library().importKeras(h5, vm.library().suggestedClasses(h5), KerasPreprocess.UNIT);
      assertEquals(dir.resolve("fixture-2.aslwb"), workspace.modelFileProperty().get());
      assertTrue(workspace.modelProperty().get().isImported());
      assertEquals("someone else's file", Files.readString(dir.resolve("fixture.aslwb")));
      assertTrue(vm.library().models().contains(dir.resolve("fixture-2.aslwb")));

      vm.library().importKeras(h5, "A,B", KerasPreprocess.UNIT);
      assertTrue(
          vm.messageProperty().get().contains("3 outputs but 2 class names"),
          vm.messageProperty().get());
    } finally {
      if (previous == null) {
        System.clearProperty("aslwb.models");
      } else {
        System.setProperty("aslwb.models", previous);
      }
    }
  }
}
