package org.aslwb.ui.common;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SelectedTabOnlyTest {
  private TabPane pane;
  private Tab first;
  private Tab second;
  private Tab third;
  private SplitPane secondContent;

  @Start
  void start(Stage stage) {
    secondContent = new SplitPane(new Label("in the second tab"));
    secondContent.setId("second");
    first = new Tab("first", new Label("one"));
    second = new Tab("second", secondContent);
    third = new Tab("third", new Label("three"));
    pane = new TabPane(first, second, third);
    SelectedTabOnly.apply(pane);
    stage.setScene(new Scene(pane, 400, 300));
    stage.show();
  }

  @Test
  void onlyTheSelectedTabHasItsContentAndItComesBackStyledWhenSelected(FxRobot robot)
      throws Exception {
    waitForTheFirstLayout();
    assertNotNull(first.getContent());
    assertNull(second.getContent());
    assertNull(third.getContent());
    assertNotNull(secondContent.getSkin(), "built by the first layout before it was set aside");

    robot.interact(() -> pane.getSelectionModel().select(second));

    assertSame(secondContent, second.getContent());
    assertNull(first.getContent());
    // styled at once: the split pane's skin has made its children, so a lookup finds the label
    robot.interact(() -> assertNotNull(pane.lookup("#second .label")));
  }

  @Test
  void addedTabsWaitRemovedTabsLeaveWithTheirContentAndNewContentIsKept(FxRobot robot)
      throws Exception {
    waitForTheFirstLayout();
    Label later = new Label("later");
    Tab fourth = new Tab("fourth", later);
    Label replaced = new Label("replaced while hidden");
    robot.interact(
        () -> {
          pane.getTabs().add(fourth);
          pane.getTabs().remove(second);
          third.setContent(replaced);
        });
    assertNull(fourth.getContent(), "an added tab waits until selected");
    assertSame(secondContent, second.getContent(), "a removed tab takes its content along");

    robot.interact(() -> pane.getSelectionModel().select(third));
    assertSame(replaced, third.getContent(), "content given while hidden is kept");
    robot.interact(() -> pane.getSelectionModel().select(fourth));
    assertSame(later, fourth.getContent());
  }

  /** Every tab keeps its content until the window's first layout (which builds their skins). */
  private void waitForTheFirstLayout() throws Exception {
    org.aslwb.ui.UiFixtures.waitFor(10, "the first layout", () -> third.getContent() == null);
  }
}
