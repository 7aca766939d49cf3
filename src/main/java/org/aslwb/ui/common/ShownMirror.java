package org.aslwb.ui.common;

import java.util.List;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * A copy of a list that follows it only while its view is shown. A chart or list view in a tab the
 * user is not looking at still lays out, styles and measures every point it is given, on the FX
 * thread; fed through a mirror, it costs nothing until its tab is shown again, then catches up in
 * one change. While shown, changes pass through one by one, so a growing curve stays an append
 * rather than a redraw.
 */
public final class ShownMirror {
  private ShownMirror() {}

  /** A list that equals {@code source} whenever {@code shown} is true. FX thread only. */
  public static <T> ObservableList<T> of(ObservableList<T> source, ObservableBooleanValue shown) {
    ObservableList<T> copy = FXCollections.observableArrayList();
    boolean[] stale = {true};
    Runnable catchUp =
        () -> {
          if (shown.get() && stale[0]) {
            copy.setAll(source);
            stale[0] = false;
          }
        };
    source.addListener(
        (ListChangeListener<T>)
            c -> {
              if (shown.get() && !stale[0]) {
                apply(c, copy);
              } else {
                stale[0] = true;
              }
            });
    shown.addListener((o, was, now) -> catchUp.run());
    catchUp.run();
    return copy;
  }

  private static <T> void apply(ListChangeListener.Change<? extends T> c, List<T> copy) {
    while (c.next()) {
      if (c.wasPermutated() || c.wasUpdated()) {
        copy.subList(c.getFrom(), c.getTo()).clear();
        copy.addAll(c.getFrom(), c.getList().subList(c.getFrom(), c.getTo()));
        continue;
      }
      if (c.wasRemoved()) {
        copy.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
      }
      if (c.wasAdded()) {
        copy.addAll(c.getFrom(), c.getAddedSubList());
      }
    }
  }
}
