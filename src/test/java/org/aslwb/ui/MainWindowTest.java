package org.aslwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.aslwb.ui.common.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
  private Workspace workspace;

  @Start
  void start(Stage stage) throws Exception {
    workspace = new Workspace(new TaskRunner(org.aslwb.task.JobService.inline(), Runnable::run));
    stage.setScene(new Scene(WorkbenchApp.load(workspace), 1200, 800));
    stage.show();
  }

  @Test
  void theWindowShowsFiveTabsAndSwitchesBetweenThem(FxRobot robot) {
    TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
    assertEquals(5, tabs.getTabs().size());
    for (String name : new String[] {"Train", "Evaluate", "Attack", "Explain", "Data"}) {
      robot.clickOn(
          (javafx.scene.Node)
              robot
                  .lookup(".tab-label")
                  .match(org.testfx.matcher.control.LabeledMatchers.hasText(name))
                  .query());
      assertEquals(name, tabs.getSelectionModel().getSelectedItem().getText());
    }
    Label status = robot.lookup("#modelStatus").queryAs(Label.class);
    assertTrue(status.getText().contains("no model"), status.getText());
  }

  @Test
  void onlyTheShownTabsNodesAreInTheWindowAndAHiddenTabKeepsWhatTheUserTyped(FxRobot robot) {
    TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
    robot.clickOn(tabLabel(robot, "Train"));
    robot.clickOn("#epochs").eraseText(8).write("7");
    int withTrain = nodes(tabs);

    robot.clickOn(tabLabel(robot, "Attack"));
    assertTrue(robot.lookup("#epochs").tryQuery().isEmpty(), "the Train tab's nodes left");
    assertTrue(robot.lookup("#epsilonSlider").tryQuery().isPresent());

    robot.clickOn(tabLabel(robot, "Train"));
    assertEquals("7", robot.lookup("#epochs").queryAs(TextField.class).getText());
    assertEquals(withTrain, nodes(tabs), "the same nodes came back");
  }

  private static javafx.scene.Node tabLabel(FxRobot robot, String name) {
    return robot
        .lookup(".tab-label")
        .match(org.testfx.matcher.control.LabeledMatchers.hasText(name))
        .query();
  }

  private static int nodes(javafx.scene.Node n) {
    int count = 1;
    if (n instanceof javafx.scene.Parent p) {
      for (javafx.scene.Node child : p.getChildrenUnmodifiable()) {
        count += nodes(child);
      }
    }
    return count;
  }
}
