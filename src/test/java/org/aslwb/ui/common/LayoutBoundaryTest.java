package org.aslwb.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.aslwb.ui.UiFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LayoutBoundaryTest {
  private static final String LONG = "a much longer text than the box was made for";
  private Stage stage;
  private VBox column;
  private Label text;
  private ProgressBar bar;
  private VBox content;
  private LayoutBoundary boundary;
  private Label neighbour;
  private AtomicInteger columnLayouts;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    text = new Label("short");
    bar = new ProgressBar(0.2);
    content = new VBox(2, text, bar);
    boundary = new LayoutBoundary(content);
    neighbour = new Label("beside");
    // a box with room to spare across, as the Attack tab's rows have
    column = new VBox(4, new HBox(8, boundary, neighbour));
    columnLayouts = UiFixtures.layoutRequests(column);
    stage.setScene(new Scene(column, 600, 200));
    stage.sizeToScene(); // TestFX reuses the stage, which a test narrows
    stage.show();
  }

  @Test
  void changesThatFitLayOutTheContentOnlyAndLeaveTheNeighboursWhereTheyAre(FxRobot robot) {
    settle(robot);
    double neighbourX = neighbour.getLayoutX();
    columnLayouts.set(0);

    for (int i = 0; i < 20; i++) {
      int n = i;
      robot.interact(
          () -> {
            text.setText(n % 2 == 0 ? "tiny" : "short");
            bar.setProgress(n / 20.0);
          });
    }
    settle(robot);

    assertEquals(0, columnLayouts.get(), "no layout request left the boundary");
    assertEquals(neighbourX, neighbour.getLayoutX());
  }

  @Test
  void contentThatOutgrowsTheBoxGrowsItOnceAndTheBoxKeepsThatRoom(FxRobot robot) {
    settle(robot);
    double before = boundary.getWidth();
    columnLayouts.set(0);

    robot.interact(() -> text.setText(LONG));
    settle(robot);

    assertTrue(boundary.getWidth() > before, "the box grew: " + boundary.getWidth());
    assertTextHasItsRoom();
    assertTrue(columnLayouts.get() >= 1, "growing asked the column for room");
    assertTrue(neighbour.getLayoutX() >= boundary.getLayoutX() + boundary.getWidth());

    double grown = boundary.getWidth();
    robot.interact(() -> text.setText("short"));
    settle(robot);
    assertEquals(grown, boundary.getWidth(), "no shrinking, so the neighbour stays put");
  }

  @Test
  void growthIsSeenWhenSeveralChangesComeBeforeTheNextPulse(FxRobot robot) {
    settle(robot);

    robot.interact(
        () -> {
          text.setText(LONG); // outgrows the box...
          bar.setProgress(0.9); // ...and a second change comes before any layout
          text.setText(LONG + ", and longer still");
        });
    settle(robot);

    assertTextHasItsRoom();
  }

  @Test
  void aBoxGivenLessThanItAsksForStillKeepsChangesThatFitInside(FxRobot robot) {
    settle(robot);
    robot.interact(() -> stage.setWidth(120)); // narrower than the box and its neighbour want
    settle(robot);
    assertTrue(boundary.getWidth() < boundary.prefWidth(-1), "squeezed: " + boundary.getWidth());
    columnLayouts.set(0);

    for (int i = 0; i < 10; i++) {
      int n = i;
      robot.interact(() -> text.setText(n % 2 == 0 ? "tiny" : "short"));
    }
    settle(robot);

    assertEquals(0, columnLayouts.get());
  }

  @Test
  void newContentIsSizedAnewAndTheOldOneLeavesForGood(FxRobot robot) {
    settle(robot);
    Label replacement = new Label("r");
    robot.interact(() -> boundary.setContent(replacement));
    settle(robot);

    assertSame(replacement, boundary.getContent());
    assertEquals(1, boundary.getChildrenUnmodifiable().size());
    assertFalse(replacement.isManaged());
    assertTrue(content.isManaged(), "handed back as it came");
    assertEquals(replacement.prefWidth(-1), boundary.getWidth(), 1.0, "snapped to whole pixels");

    double width = boundary.getWidth();
    AtomicInteger boxLayouts = layoutsOf(boundary);
    columnLayouts.set(0);
    robot.interact(() -> text.setText("the old content, no longer in the box, grows a lot"));
    settle(robot);
    assertEquals(width, boundary.getWidth());
    assertEquals(0, columnLayouts.get());
    assertEquals(0, boxLayouts.get(), "the box no longer listens to its old content");
  }

  private void assertTextHasItsRoom() {
    assertTrue(
        text.getWidth() >= text.prefWidth(-1) - 0.5,
        "the text has its room: "
            + text.getWidth()
            + " of "
            + text.prefWidth(-1)
            + "; box "
            + boundary.getWidth()
            + " content "
            + content.getWidth()
            + " needs "
            + content.isNeedsLayout()
            + " "
            + boundary.isNeedsLayout());
  }

  private static AtomicInteger layoutsOf(LayoutBoundary box) {
    try {
      return WaitForAsyncUtils.asyncFx(() -> UiFixtures.layoutRequests(box)).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void settle(FxRobot robot) {
    // three pulses: the box sees growth at one, its parent makes room at the next, and the last
    // shows whether that asked for more
    for (int i = 0; i < 3; i++) {
      robot.interact(() -> {});
      WaitForAsyncUtils.sleep(40, TimeUnit.MILLISECONDS);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }
}
