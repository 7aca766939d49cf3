package org.aslwb.ui.common;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Keeps only the selected tab's content in the scene graph; the others wait aside, with their
 * state, until selected.
 *
 * <p>Why: every pulse, JavaFX walks the whole scene graph to update bounds ({@code
 * Parent.updateBounds} visits every child, shown or not), and a {@link TabPane} keeps every tab's
 * content in the graph, merely invisible. In the workbench's window that was 2,100 nodes a pulse
 * for the 420 the Attack tab shows, and that walk was more than half of the FX thread's time while
 * epsilon is dragged. A tab's content comes back, styled, as it is selected, so a lookup right
 * after selecting the tab finds its nodes; a lookup from the window's root does not find the nodes
 * of a tab that is not shown. The pane's own minimum and preferred sizes now follow the selected
 * tab only.
 *
 * <p>Every tab's content stays until the pane's first layout in a window: that pass styles all of
 * them and builds their controls' skins (about half a second for the workbench's tabs), so a tab's
 * first visit later costs a restyle of its nodes, not their construction.
 */
public final class SelectedTabOnly {
  private final TabPane pane;
  private final Map<Tab, Node> aside = new HashMap<>();
  private boolean laidOut;

  private SelectedTabOnly(TabPane pane) {
    this.pane = pane;
  }

  /** From the first layout of {@code pane} in a window on, only its selected tab has content. */
  public static void apply(TabPane pane) {
    new SelectedTabOnly(pane).follow();
  }

  private void follow() {
    pane.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                bringBack(now);
              }
              if (was != null && pane.getTabs().contains(was)) {
                setAside(was);
              }
            });
    pane.getTabs()
        .addListener(
            (ListChangeListener<Tab>)
                c -> {
                  while (c.next()) {
                    // a removed tab leaves with its content; an added one waits until selected
                    c.getRemoved().forEach(this::bringBack);
                    c.getAddedSubList().stream()
                        .filter(tab -> tab != pane.getSelectionModel().getSelectedItem())
                        .forEach(this::setAside);
                  }
                });
    afterFirstLayout(
        () -> {
          laidOut = true;
          Tab selected = pane.getSelectionModel().getSelectedItem();
          pane.getTabs().stream().filter(tab -> tab != selected).forEach(this::setAside);
        });
  }

  private void setAside(Tab tab) {
    if (laidOut && tab.getContent() != null) {
      aside.put(tab, tab.getContent());
      tab.setContent(null);
    }
  }

  private void bringBack(Tab tab) {
    Node content = aside.remove(tab);
    if (content != null && tab.getContent() == null) { // unless code gave it new content meanwhile
      tab.setContent(content);
      // styles now rather than at the next pulse: the same work, but the tab's nodes can be
      // looked up at once
      content.applyCss();
    }
  }

  /** Runs {@code action} once, after the first layout pass of a scene that holds the pane. */
  private void afterFirstLayout(Runnable action) {
    Scene[] watched = new Scene[1];
    Runnable[] once = new Runnable[1];
    ChangeListener<Scene> onScene =
        (o, was, now) -> {
          if (watched[0] != null) {
            watched[0].removePostLayoutPulseListener(once[0]);
          }
          watched[0] = now;
          if (now != null) {
            now.addPostLayoutPulseListener(once[0]);
          }
        };
    once[0] =
        () -> {
          if (pane.getScene() == null) {
            return; // left its scene during this pulse (a tab of an outer pane set aside)
          }
          watched[0].removePostLayoutPulseListener(once[0]);
          pane.sceneProperty().removeListener(onScene);
          action.run();
        };
    pane.sceneProperty().addListener(onScene);
    onScene.changed(pane.sceneProperty(), null, pane.getScene());
  }
}
