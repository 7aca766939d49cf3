package org.aslwb.ui.common;

import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.chart.ValueAxis;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;

/**
 * A vertical line over a chart at an x value (the Attack tab's slider on its accuracy curve), drawn
 * beside the chart rather than as a series of it.
 *
 * <p>Why not a series: moving a series' point lays the whole chart out again, axes and tick labels
 * measured anew, at every slider event. This line is not managed by its host, so moving it only
 * repaints. It is placed when the value changes and after every layout pass of the scene (a pulse
 * listener, so resizes, the legend of a first curve or a new axis range move it too); the axes' own
 * listeners would fire in the middle of the chart's layout, before both axes have their sizes.
 */
public final class ChartMarker {
  private ChartMarker() {}

  /**
   * Adds the line to {@code host} (the chart's parent) and keeps it at {@code x} on {@code xAxis},
   * spanning {@code yAxis}; hidden while {@code x} is outside the axis. FX thread.
   */
  public static Line follow(
      StackPane host, ValueAxis<Number> xAxis, ValueAxis<Number> yAxis, ObservableDoubleValue x) {
    Line line = new Line();
    line.setManaged(false);
    line.setMouseTransparent(true);
    line.getStyleClass().add("chart-marker");
    host.getChildren().add(line);
    Runnable place = () -> place(line, host, xAxis, yAxis, x.get());
    x.addListener((o, was, now) -> place.run());
    // only while the chart is in a window: a hidden tab's content leaves the scene graph
    host.sceneProperty().addListener((o, was, now) -> follow(was, now, place));
    follow(null, host.getScene(), place);
    place.run();
    return line;
  }

  private static void follow(Scene was, Scene now, Runnable place) {
    if (was != null) {
      was.removePostLayoutPulseListener(place);
    }
    if (now != null) {
      now.addPostLayoutPulseListener(place);
    }
  }

  private static void place(
      Line line, StackPane host, ValueAxis<Number> xAxis, ValueAxis<Number> yAxis, double x) {
    boolean inside = x >= xAxis.getLowerBound() && x <= xAxis.getUpperBound();
    line.setVisible(inside && xAxis.getWidth() > 0 && yAxis.getHeight() > 0);
    if (!line.isVisible()) {
      return;
    }
    Point2D at = host.sceneToLocal(xAxis.localToScene(xAxis.getDisplayPosition(x), 0));
    double top = yAxis.getDisplayPosition(yAxis.getUpperBound());
    double bottom = yAxis.getDisplayPosition(yAxis.getLowerBound());
    line.setStartX(at.getX());
    line.setEndX(at.getX());
    line.setStartY(host.sceneToLocal(yAxis.localToScene(0, top)).getY());
    line.setEndY(host.sceneToLocal(yAxis.localToScene(0, bottom)).getY());
  }
}
