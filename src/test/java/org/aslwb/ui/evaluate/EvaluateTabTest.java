package org.aslwb.ui.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.aslwb.TinyModels;
import org.aslwb.evaluation.ClassMetrics;
import org.aslwb.ui.UiFixtures;
import org.aslwb.ui.Workspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class EvaluateTabTest {
  private Workspace workspace;

  @BeforeAll
  static void trainTheTinyModel() throws Exception {
    TinyModels.trainedCnn(); // before the window: training takes longer than TestFX waits for it
  }

  @Start
  void start(Stage stage) throws Exception {
    workspace = UiFixtures.showWindow(stage, "A", "Evaluate");
  }

  @Test
  void clickingASampleImageShowsItAndItsPredictedLetter(FxRobot robot) {
    @SuppressWarnings("unchecked")
    ListCell<Path> cell =
        robot
            .lookup("#gallery .list-cell")
            .match((ListCell<Path> c) -> c.getItem() != null && c.getIndex() == 2)
            .queryAs(ListCell.class);
    String file = cell.getItem().getFileName().toString();
    robot.clickOn(cell);

    Label letter = robot.lookup("#predictedLetter").queryAs(Label.class);
    var classes = workspace.modelProperty().get().metadata().classNames();
    assertNotEquals("?", letter.getText());
    assertTrue(classes.contains(letter.getText()), letter.getText());
    assertEquals(file, workspace.imageNameProperty().get());
    Label info = robot.lookup("#imageInfo").queryAs(Label.class);
    assertTrue(info.getText().startsWith(file + ": " + letter.getText()), info.getText());
    assertEquals(5, robot.lookup("#topBars").queryAs(VBox.class).getChildren().size());
  }

  @Test
  void evaluatingFillsTheScoresAndAReadablePerClassTable(FxRobot robot) {
    robot.clickOn("#evaluateSplit");
    Label scores = robot.lookup("#scores").queryAs(Label.class);
    assertTrue(scores.getText().startsWith("accuracy "), scores.getText());
    @SuppressWarnings("unchecked")
    TableView<ClassMetrics> table = robot.lookup("#perClass").queryAs(TableView.class);
    assertEquals(29, table.getItems().size());
    assertEquals("A", table.getColumns().get(0).getCellData(0));
    assertTrue(
        String.valueOf(table.getColumns().get(1).getCellData(0)).matches("\\d\\.\\d{4}"),
        "precision shown as a number");
    assertEquals(table.getItems().get(0).support(), table.getColumns().get(4).getCellData(0));
  }
}
