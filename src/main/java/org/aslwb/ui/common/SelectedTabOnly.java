package org.aslwb.ui.common;

import java.util.HashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
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
 */
public final class SelectedTabOnly {
  private SelectedTabOnly() {}

  /** From now on, only the selected tab of {@code pane} has its content attached. FX thread. */
  public static void apply(TabPane pane) {
    Map<Tab, Node> aside = new HashMap<>();
    Tab selected = pane.getSelectionModel().getSelectedItem();
    for (Tab tab : pane.getTabs()) {
      if (tab != selected) {
        setAside(tab, aside);
      }
    }
    pane.getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, was, now) -> {
              if (now != null) {
                bringBack(now, aside);
              }
              if (was != null && pane.getTabs().contains(was)) {
                setAside(was, aside);
              }
            });
    pane.getTabs()
        .addListener(
            (ListChangeListener<Tab>)
                c -> {
                  while (c.next()) {
                    // a removed tab leaves with its content; an added one waits until selected
                    c.getRemoved().forEach(tab -> bringBack(tab, aside));
                    c.getAddedSubList().stream()
                        .filter(tab -> tab != pane.getSelectionModel().getSelectedItem())
                        .forEach(tab -> setAside(tab, aside));
                  }
                });
  }

  private static void setAside(Tab tab, Map<Tab, Node> aside) {
    if (tab.getContent() != null) {
      aside.put(tab, tab.getContent());
      tab.setContent(null);
    }
  }

  private static void bringBack(Tab tab, Map<Tab, Node> aside) {
    Node content = aside.remove(tab);
    if (content != null && tab.getContent() == null) { // unless code gave it new content meanwhile
      tab.setContent(content);
      // styles (and with them the controls' skins and children) now rather than at the next
      // pulse: the same work, but the tab's nodes can be looked up at once
      content.applyCss();
    }
  }
}
