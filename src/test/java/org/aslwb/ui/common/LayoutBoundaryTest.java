package org.aslwb.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  private VBox column;
  private Label text;
  private ProgressBar bar;
  private LayoutBoundary boundary;
  private Label neighbour;
  private AtomicInteger columnLayouts;

  @Start
  void start(Stage stage) {
    text = new Label("short");
    bar = new ProgressBar(0.2);
    boundary = new LayoutBoundary(new VBox(2, text, bar));
    neighbour = new Label("beside");
    // a box with room to spare across, as the Attack tab's rows have
    column = new VBox(4, new HBox(8, boundary, neighbour));
    columnLayouts = UiFixtures.layoutRequests(column);
    stage.setScene(new Scene(column, 600, 200));
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
    assertFalse(text.isNeedsLayout(), "the content itself was laid out");
  }

  @Test
  void contentThatOutgrowsTheBoxGrowsItOnceAndTheBoxKeepsThatRoom(FxRobot robot) {
    settle(robot);
    double before = boundary.getWidth();
    columnLayouts.set(0);

    robot.interact(() -> text.setText("a much longer text than the box was made for"));
    settle(robot);

    assertTrue(boundary.getWidth() > before, "the box grew: " + boundary.getWidth());
    assertTrue(
        text.getWidth() >= text.prefWidth(-1) - 0.5, "the text has its room: " + text.getWidth());
    assertTrue(columnLayouts.get() >= 1, "growing asked the column for room");
    assertTrue(neighbour.getLayoutX() >= boundary.getLayoutX() + boundary.getWidth());

    double grown = boundary.getWidth();
    robot.interact(() -> text.setText("short"));
    settle(robot);
    assertEquals(grown, boundary.getWidth(), "no shrinking, so the neighbour stays put");
  }

  @Test
  void newContentIsSizedAnewAndTheOldOneNoLongerMovesTheBox(FxRobot robot) {
    settle(robot);
    Label old = text;
    Label replacement = new Label("r");
    robot.interact(() -> boundary.setContent(replacement));
    settle(robot);

    assertSame(replacement, boundary.getContent());
    assertEquals(1, boundary.getChildrenUnmodifiable().size());
    assertFalse(replacement.isManaged());
    assertEquals(replacement.prefWidth(-1), boundary.getWidth(), 1.0, "snapped to whole pixels");

    double width = boundary.getWidth();
    columnLayouts.set(0);
    robot.interact(() -> old.setText("the old content, no longer in the box, grows a lot"));
    settle(robot);
    assertEquals(width, boundary.getWidth());
    assertEquals(0, columnLayouts.get());
  }

  private static void settle(FxRobot robot) {
    // two pulses: one lays out, the next shows whether that layout asked for another
    for (int i = 0; i < 2; i++) {
      robot.interact(() -> {});
      WaitForAsyncUtils.sleep(40, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    WaitForAsyncUtils.waitForFxEvents();
  }
}
