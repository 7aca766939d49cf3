package org.aslwb.ui.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.XYChart;
import org.aslwb.TinyModels;
import org.aslwb.ui.UiFixtures;
import org.aslwb.ui.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainViewModelTest {
  @TempDir Path dir;
  private Workspace workspace;

  @BeforeEach
  void openData() throws Exception {
    workspace = UiFixtures.sameThreadWorkspace();
    workspace.datasetProperty().set(TinyModels.load(TinyModels.data()));
  }

  private TrainViewModel form(int epochs) {
    TrainViewModel vm = new TrainViewModel(workspace);
    vm.form().widthProperty().set("0.25");
    vm.form().sizeProperty().set("32");
    vm.form().epochsProperty().set(Integer.toString(epochs));
    vm.form().batchProperty().set("32");
    vm.form().outputProperty().set(dir.resolve("cnn.aslwb").toString());
    return vm;
  }

  private static List<Number> epochs(List<XYChart.Data<Number, Number>> series) {
    return series.stream().map(XYChart.Data::getXValue).toList();
  }

  @Test
  void startTrainsWithLiveCurvesAndThenUsesTheNewModel() {
    TrainViewModel vm = form(2);
    vm.start();
    assertFalse(vm.runningProperty().get());
    // 464 training images in batches of 32: 15 iterations per epoch
    assertEquals(
        List.of(15, 30), epochs(vm.curves().valLoss()), "epoch losses at their last batch");
    assertEquals(List.of(1, 2), epochs(vm.curves().trainAccuracy()));
    assertEquals(List.of(1, 2), epochs(vm.curves().learningRates()));
    assertEquals(0.001, vm.curves().learningRates().get(0).getYValue().doubleValue(), 1e-12);
    assertEquals(30, vm.curves().iterationLoss().size());
    assertEquals(30, vm.curves().iterationLoss().get(29).getXValue());
    assertTrue(vm.speedProperty().get().endsWith("images/s"), vm.speedProperty().get());
    assertTrue(vm.log().get(vm.log().size() - 1).startsWith("COMPLETED after 2 epochs"));
    // synthetic file names carry no frame numbers: the default split says it fell back to random
    assertEquals("val, random split", vm.curves().validationLabelProperty().get());
    assertTrue(
        vm.log().stream().anyMatch(l -> l.contains("val acc") && l.contains("(val, random split)")),
        vm.log().toString());
    assertEquals(dir.resolve("cnn.aslwb"), workspace.modelFileProperty().get());
    assertEquals(32, workspace.modelProperty().get().metadata().preprocessing().width());
  }

  @Test
  void stopThenResumeAfterARestartContinuesTheCurves() {
    TrainViewModel first = form(3);
    first
        .curves()
        .valAccuracy()
        .addListener(
            (ListChangeListener<XYChart.Data<Number, Number>>)
                c -> {
                  if (first.curves().valAccuracy().size() == 1) {
                    first.stop();
                  }
                });
    first.start();
    assertEquals(List.of(1), epochs(first.curves().valAccuracy()));

    TrainViewModel restarted = form(3);
    restarted.resume();
    assertEquals(List.of(1, 2, 3), epochs(restarted.curves().valAccuracy()));
    assertEquals(List.of(15, 30, 45), epochs(restarted.curves().valLoss()));
    assertEquals(
        first.curves().valLoss().get(0).getYValue(),
        restarted.curves().valLoss().get(0).getYValue(),
        "epoch 1 kept");
    assertEquals(
        16,
        restarted.curves().iterationLoss().get(0).getXValue(),
        "batches continue after epoch 1");
  }

  @Test
  void trainingOverAnExistingModelAsksFirstAndKeepsItWhenTheAnswerIsNo() throws Exception {
    Path model = java.nio.file.Files.copy(TinyModels.trainedCnn(), dir.resolve("cnn.aslwb"));
    byte[] before = java.nio.file.Files.readAllBytes(model);
    List<String> questions = new java.util.ArrayList<>();
    TrainViewModel vm = form(1);
    vm.setOverwriteConfirmation(
        question -> {
          questions.add(question);
          return false;
        });
    vm.start();
    assertEquals(1, questions.size());
    assertTrue(questions.get(0).contains("cnn.aslwb"), questions.get(0));
    assertTrue(vm.curves().valLoss().isEmpty(), "nothing ran");
    assertTrue(vm.log().get(vm.log().size() - 1).startsWith("not started"), vm.log().toString());
    assertArrayEquals(before, java.nio.file.Files.readAllBytes(model), "the model is kept");

    vm.setOverwriteConfirmation(
        question -> {
          questions.add(question);
          return true;
        });
    vm.start();
    assertEquals(2, questions.size());
    assertEquals(List.of(15), epochs(vm.curves().valLoss()), "trained after yes");
    assertFalse(java.util.Arrays.equals(before, java.nio.file.Files.readAllBytes(model)));
    // resuming from the new run's checkpoint replaces nothing: no question
    vm.form().epochsProperty().set("2");
    vm.resume();
    assertEquals(2, questions.size());
    assertEquals(List.of(15, 30), epochs(vm.curves().valLoss()));
  }

  @Test
  void anUnwritableOutputIsRefusedBeforeTraining() throws Exception {
    TrainViewModel vm = form(1);
    vm.form().outputProperty().set("/proc/aslwb-test/cnn.aslwb");
    vm.start();
    assertTrue(
        vm.form().formErrorProperty().get().startsWith("cannot write /proc/aslwb-test/cnn.aslwb"),
        vm.form().formErrorProperty().get());
    assertTrue(vm.curves().valLoss().isEmpty());
  }

  @Test
  void anInvalidFormIsRefusedWithAMessageAndNothingRuns() {
    TrainViewModel vm = form(2);
    vm.form().epochsProperty().set("ten");
    // checked as typed, before Start: the field and the reason
    assertEquals("epochs: not a whole number: \"ten\"", vm.form().formErrorProperty().get());
    assertEquals("epochs", vm.form().invalidSettingProperty().get());
    vm.start();
    assertTrue(vm.form().formErrorProperty().get().startsWith("epochs: not a whole number"));
    vm.form().epochsProperty().set("2");
    assertEquals("", vm.form().invalidSettingProperty().get());
    vm.form().learningRateProperty().set("-1");
    assertEquals("lr", vm.form().invalidSettingProperty().get());
    vm.start();
    assertTrue(
        vm.form().formErrorProperty().get().startsWith("lr "), vm.form().formErrorProperty().get());
    assertTrue(vm.curves().valLoss().isEmpty());
    assertNull(workspace.modelProperty().get());
  }

  @Test
  void trainingNeedsADataSet() {
    workspace.datasetProperty().set(null);
    TrainViewModel vm = form(2);
    vm.start();
    assertEquals("Open a data set in the Data tab first.", vm.form().formErrorProperty().get());
  }

  @Test
  void theSplitChoiceReachesTheConfigAndABadOneIsNamed() {
    TrainViewModel vm = form(1);
    assertEquals(org.aslwb.data.SplitMethod.AUTO, vm.form().config().split());
    vm.form().splitProperty().set("blocks:25");
    assertEquals(org.aslwb.data.SplitMethod.blocks(25), vm.form().config().split());
    vm.form().splitProperty().set("frames");
    assertEquals(org.aslwb.data.SplitMethod.FRAMES, vm.form().config().split());
    vm.form().splitProperty().set("by-hand");
    assertNull(vm.form().config());
    assertTrue(
        vm.form().formErrorProperty().get().contains("by-hand"),
        vm.form().formErrorProperty().get());
  }

  @Test
  void aRobustEpsilonDrawsTheValidationAccuracyUnderFgsmAsItsOwnCurve() {
    TrainViewModel vm = form(1);
    assertFalse(vm.form().config().measuresRobustAccuracy(), "empty field: not measured");
    vm.form().robustEpsilonProperty().set("0");
    vm.start();
    assertEquals(List.of(1), epochs(vm.curves().robustAccuracy()));
    // at eps 0 the attack changes nothing: the curve is the validation accuracy
    assertEquals(
        vm.curves().valAccuracy().get(0).getYValue().doubleValue(),
        vm.curves().robustAccuracy().get(0).getYValue().doubleValue(),
        1e-12);
    assertEquals("val accuracy under FGSM, eps 0.0", vm.curves().robustLabelProperty().get());
    assertTrue(
        vm.log().stream().anyMatch(l -> l.contains("under FGSM eps 0.0")), vm.log().toString());
    var history = workspace.modelProperty().get().metadata().history();
    assertEquals(0.0, history.get(0).robustEpsilon());
  }

  @Test
  void aBadRobustEpsilonIsNamedAsTheCliNamesIt() {
    TrainViewModel vm = form(1);
    vm.form().robustEpsilonProperty().set("1.5");
    assertEquals("robust-eps", vm.form().invalidSettingProperty().get());
    assertTrue(
        vm.form().formErrorProperty().get().startsWith("robust-eps must be in [0, 1]"),
        vm.form().formErrorProperty().get());
    vm.form().robustEpsilonProperty().set("NaN");
    assertEquals("robust-eps", vm.form().invalidSettingProperty().get());
    vm.form().robustEpsilonProperty().set("a little");
    assertEquals("robust-eps", vm.form().invalidSettingProperty().get());
    vm.form().robustEpsilonProperty().set(" ");
    assertEquals("", vm.form().invalidSettingProperty().get());
    assertFalse(vm.form().config().measuresRobustAccuracy());
  }
}
