package org.aslwb.ui.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.aslwb.TinyModels;
import org.aslwb.data.PixelImage;
import org.aslwb.ui.UiFixtures;
import org.aslwb.ui.Workspace;
import org.aslwb.ui.common.HeatMapView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AttackTabTest {
  private Workspace workspace;

  @BeforeAll
  static void trainTheTinyModel() throws Exception {
    TinyModels.trainedCnn(); // before the window: training takes longer than TestFX waits for it
  }

  @Start
  void start(Stage stage) throws Exception {
    workspace = UiFixtures.showWindow(stage, "D", "Attack");
  }

  @Test
  void draggingTheEpsilonSliderReRendersTheAdversarialImage(FxRobot robot) {
    Slider slider = robot.lookup("#epsilonSlider").queryAs(Slider.class);
    double before = slider.getValue();
    PixelImage framed = workspace.adversarialProperty().get();

    robot
        .drag("#epsilonSlider .thumb", MouseButton.PRIMARY)
        .moveBy(150, 0)
        .release(MouseButton.PRIMARY);

    double after = slider.getValue();
    assertTrue(after > before + 0.02, before + " -> " + after);
    Label text = robot.lookup("#epsilonText").queryAs(Label.class);
    assertTrue(
        text.getText().startsWith(String.format("eps %.3f on the [0,1]", after)), text.getText());
    PixelImage now = workspace.adversarialProperty().get();
    assertNotNull(now);
    assertTrue(!now.equals(framed), "a new adversarial frame for the new epsilon");
    Label label = robot.lookup("#adversarialLabel").queryAs(Label.class);
    assertTrue(label.getText().startsWith("adversarial: "), label.getText());
    assertMarkerAt(robot, after);
  }

  @Test
  void aDragLaysOutTheSliderAndTheChangingTextsButNotTheTabAroundThem(FxRobot robot)
      throws Exception {
    Slider slider = robot.lookup("#epsilonSlider").queryAs(Slider.class);
    Parent tab = robot.lookup("#attackRoot").queryAs(Parent.class);
    AtomicInteger values = new AtomicInteger();
    AtomicInteger tabLayouts =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  slider.valueProperty().addListener((o, was, now) -> values.incrementAndGet());
                  return UiFixtures.layoutRequests(tab);
                })
            .get();

    robot
        .drag("#epsilonSlider .thumb", MouseButton.PRIMARY)
        .moveBy(120, 0)
        .moveBy(-60, 0)
        .release(MouseButton.PRIMARY);
    robot.interact(() -> {});

    assertTrue(values.get() >= 10, "slider events: " + values.get());
    // before the boundaries every event laid the tab out; now only a text outgrowing its box
    // (once) may
    assertTrue(tabLayouts.get() <= 2, "tab layouts: " + tabLayouts.get());
    Label label = robot.lookup("#adversarialLabel").queryAs(Label.class);
    assertTrue(label.getWidth() >= label.prefWidth(-1) - 0.5, "the label has its room");
  }

  /** The chart's marker is a line at the slider's epsilon on the x axis, across the y axis. */
  private static void assertMarkerAt(FxRobot robot, double epsilon) {
    Line marker = robot.lookup(".chart-marker").queryAs(Line.class);
    @SuppressWarnings("unchecked")
    LineChart<Number, Number> chart = robot.lookup("#curveChart").queryAs(LineChart.class);
    NumberAxis x = (NumberAxis) chart.getXAxis();
    NumberAxis y = (NumberAxis) chart.getYAxis();
    assertTrue(marker.isVisible());
    assertEquals(
        x.localToScreen(x.getDisplayPosition(epsilon), 0).getX(),
        marker.localToScreen(marker.getStartX(), 0).getX(),
        1.0,
        "x at " + epsilon);
    assertEquals(marker.getStartX(), marker.getEndX());
    assertEquals(
        y.localToScreen(0, y.getDisplayPosition(1.0)).getY(),
        marker.localToScreen(0, marker.getStartY()).getY(),
        1.0,
        "top at accuracy 1");
    assertEquals(
        y.localToScreen(0, y.getDisplayPosition(0.0)).getY(),
        marker.localToScreen(0, marker.getEndY()).getY(),
        1.0,
        "bottom at accuracy 0");
  }

  @Test
  void theMarkerFollowsTheChartWhenTheWindowChangesSize(FxRobot robot) {
    double epsilon = robot.lookup("#epsilonSlider").queryAs(Slider.class).getValue();
    assertMarkerAt(robot, epsilon);
    javafx.stage.Window window = robot.lookup("#curveChart").query().getScene().getWindow();
    robot.interact(
        () -> {
          window.setHeight(window.getHeight() - 120);
          window.setWidth(window.getWidth() - 200);
        });
    robot.interact(() -> {}); // a pulse lays the window out at its new size
    assertMarkerAt(robot, epsilon);
  }

  @Test
  void theAttackAndExplainTabsSayWhichImageAndWhichAttackMadeTheAdversarialOne(FxRobot robot) {
    String name = workspace.imageNameProperty().get();
    Label attacked = robot.lookup("#attackImage").queryAs(Label.class);
    assertTrue(attacked.getText().equals("Image: " + name), attacked.getText());
    robot.interact(() -> UiFixtures.select(attacked.getScene().getRoot(), "Explain"));
    Label explained = robot.lookup("#explainImage").queryAs(Label.class);
    assertTrue(
        explained
            .getText()
            .startsWith("Image: " + name + "; adversarial version: FGSM at eps 0.030"),
        explained.getText());
  }

  @Test
  void beforeAnyRunTheChartsSayNoDataYetAndTheHistogramStopsSayingSoOnceItHasBars(FxRobot robot) {
    assertTrue(robot.lookup("#noCurves").queryAs(Label.class).isVisible());
    subTab(robot, "Minimal epsilon");
    Label noHistogram = robot.lookup("#noHistogram").queryAs(Label.class);
    assertTrue(noHistogram.isVisible());
    subTab(robot, "Adversarial confusion");
    HeatMapView confusion = robot.lookup("#adversarialConfusion").queryAs(HeatMapView.class);
    assertTrue(
        confusion.getEmptyText().startsWith("No data yet: run a sweep"), confusion.getEmptyText());

    subTab(robot, "Minimal epsilon");
    robot.interact(() -> robot.lookup("#runMinEps").queryButton().fire());

    assertFalse(noHistogram.isVisible(), "the histogram has its bars now");
  }

  /** Selects a tab of the robustness views (only the selected one's nodes are in the window). */
  private static void subTab(FxRobot robot, String title) {
    javafx.scene.control.TabPane tabs =
        robot.lookup("#robustnessTabs").queryAs(javafx.scene.control.TabPane.class);
    robot.interact(
        () ->
            tabs.getSelectionModel()
                .select(
                    tabs.getTabs().stream()
                        .filter(t -> t.getText().equals(title))
                        .findFirst()
                        .orElseThrow()));
  }
}
