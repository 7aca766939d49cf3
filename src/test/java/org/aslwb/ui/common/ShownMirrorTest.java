package org.aslwb.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class ShownMirrorTest {
  @Test
  void whileShownEveryChangePassesThroughAsTheSameKindOfChange() {
    ObservableList<Integer> source = FXCollections.observableArrayList(1, 2);
    ObservableList<Integer> copy = ShownMirror.of(source, new SimpleBooleanProperty(true));
    List<String> changes = new ArrayList<>();
    copy.addListener((ListChangeListener<Integer>) c -> changes.add(describe(c)));

    source.addAll(3, 4);
    source.remove(0);
    source.set(0, 9);
    source.sort(null);

    assertEquals(source, copy);
    assertEquals("added [3, 4] at 2", changes.get(0), "an append stays an append");
    assertEquals("removed 1 at 0", changes.get(1));
  }

  @Test
  void whileHiddenTheCopyIsLeftAloneAndCatchesUpInOneChangeWhenShown() {
    ObservableList<Integer> source = FXCollections.observableArrayList(1);
    SimpleBooleanProperty shown = new SimpleBooleanProperty(true);
    ObservableList<Integer> copy = ShownMirror.of(source, shown);
    int[] changes = {0};
    copy.addListener((ListChangeListener<Integer>) c -> changes[0]++);

    shown.set(false);
    for (int i = 2; i <= 100; i++) {
      source.add(i);
    }
    source.remove(0);
    assertEquals(List.of(1), copy, "a hidden view takes no points");
    assertEquals(0, changes[0]);

    shown.set(true);
    assertEquals(source, copy);
    assertEquals(1, changes[0], "one change to catch up, not 100");

    source.add(101);
    assertEquals(source, copy, "and follows again once shown");
  }

  @Test
  void aListMirroredWhileHiddenStartsEmptyAndFillsWhenShown() {
    ObservableList<String> source = FXCollections.observableArrayList("epoch 1");
    SimpleBooleanProperty shown = new SimpleBooleanProperty(false);
    ObservableList<String> copy = ShownMirror.of(source, shown);
    assertTrue(copy.isEmpty());
    shown.set(true);
    assertEquals(List.of("epoch 1"), copy);
  }

  private static String describe(ListChangeListener.Change<? extends Integer> c) {
    c.next();
    return c.wasAdded() && !c.wasRemoved()
        ? "added " + c.getAddedSubList() + " at " + c.getFrom()
        : c.wasRemoved() && !c.wasAdded()
            ? "removed " + c.getRemovedSize() + " at " + c.getFrom()
            : "other";
  }
}
