package org.aslwb.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.aslwb.TinyModels;
import org.aslwb.ui.UiFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class TrainTabTest {
  private Path dir;

  @BeforeAll
  static void trainTheTinyModel() throws Exception {
    TinyModels.trainedCnn(); // before the window: training takes longer than TestFX waits for it
  }

  @Start
  void start(Stage stage) throws Exception {
    dir = Files.createTempDirectory("aslwb-train-tab");
    UiFixtures.showWindow(stage, "D", "Train");
  }

  @AfterEach
  void removeTheModel() throws Exception {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static void type(FxRobot robot, String id, String text) {
    TextField field = robot.lookup(id).queryAs(TextField.class);
    robot.interact(() -> field.setText(text));
  }

  @Test
  void theChartsSayNoDataBeforeARunAndTheRobustCurveJoinsTheAccuracyChart(FxRobot robot) {
    for (String id : new String[] {"#noLoss", "#noAccuracy", "#noRate"}) {
      Label label = robot.lookup(id).queryAs(Label.class);
      assertTrue(label.isVisible(), id);
      assertTrue(label.getText().startsWith("No data yet"), label.getText());
    }
    @SuppressWarnings("unchecked")
    LineChart<Number, Number> accuracy = robot.lookup("#accuracyChart").queryAs(LineChart.class);
    assertEquals(2, accuracy.getData().size(), "no robust curve before a run that measures it");

    type(robot, "#width", "0.25");
    type(robot, "#size", "32");
    type(robot, "#epochs", "1");
    type(robot, "#batch", "32");
    type(robot, "#robustEpsilon", "0.01");
    type(robot, "#output", dir.resolve("cnn.aslwb").toString());
    robot.clickOn("#startTraining"); // the test's workspace trains on the calling thread

    assertFalse(robot.lookup("#noAccuracy").queryAs(Label.class).isVisible());
    assertFalse(robot.lookup("#noLoss").queryAs(Label.class).isVisible());
    assertEquals(3, accuracy.getData().size());
    assertEquals(
        "val accuracy under FGSM, eps 0.01 (val, random split)",
        accuracy.getData().get(2).getName());
    assertEquals(1, accuracy.getData().get(2).getData().size());
  }
}
