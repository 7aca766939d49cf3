package org.aslwb.ui.explain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.aslwb.TinyModels;
import org.aslwb.ui.UiFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ExplainTabTest {
  @BeforeAll
  static void trainTheTinyModel() throws Exception {
    TinyModels.trainedCnn(); // before the window: training takes longer than TestFX waits for it
  }

  @Start
  void start(Stage stage) throws Exception {
    UiFixtures.showWindow(stage, "V", "Explain");
  }

  @Test
  void clickingASuperpixelAfterLimeShowsItsWeight(FxRobot robot) {
    TextField samples = robot.lookup("#limeSamples").queryAs(TextField.class);
    robot.doubleClickOn(samples).eraseText(samples.getText().length()).write("300");
    robot.clickOn("#runLime");
    Label summary = robot.lookup("#cleanSummary").queryAs(Label.class);
    assertTrue(summary.getText().startsWith("clean: "), summary.getText());

    ImageView overlay = robot.lookup("#cleanOverlay").queryAs(ImageView.class);
    robot.clickOn(overlay);
    Label info = robot.lookup("#superpixelInfo").queryAs(Label.class);
    assertTrue(
        info.getText()
            .matches(
                "superpixel \\d+: weight [-+]\\d\\.\\d+(e[-+]\\d+)? \\((probability|logit margin)\\) for .*"),
        info.getText());
  }
}
