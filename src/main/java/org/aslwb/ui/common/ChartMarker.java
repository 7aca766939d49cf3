package org.aslwb.ui.common;

import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Point2D;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;

/**
 * A vertical line over a chart at an x value (the Attack tab's slider on its accuracy curve), drawn
 * beside the chart rather than as a series of it.
 *
 * <p>Why not a series: moving a series' point lays the whole chart out again, axes and tick labels
 * measured anew, at every slider event. This line is not managed by its host, so moving it only
 * repaints; it follows the chart's own layout (resizes, a new axis range) when that happens.
 */
public final class ChartMarker {
  private ChartMarker() {}

  /**
   * Adds the line to {@code host} (the chart's parent) and keeps it at {@code x} on {@code xAxis},
   * spanning {@code yAxis}; hidden while {@code x} is outside the axis. FX thread.
   */
  public static Line follow(
      StackPane host,
      XYChart<Number, Number> chart,
      ValueAxis<Number> xAxis,
      ValueAxis<Number> yAxis,
      ObservableDoubleValue x) {
    Line line = new Line();
    line.setManaged(false);
    line.setMouseTransparent(true);
    line.getStyleClass().add("chart-marker");
    host.getChildren().add(line);
    Runnable place = () -> place(line, host, xAxis, yAxis, x.get());
    x.addListener((o, was, now) -> place.run());
    xAxis.scaleProperty().addListener((o, was, now) -> place.run());
    chart
        .needsLayoutProperty()
        .addListener(
            (o, was, pending) -> {
              if (!pending) {
                place.run(); // the axes have their final places and scales now
              }
            });
    place.run();
    return line;
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
    double y0 = host.sceneToLocal(yAxis.localToScene(0, top)).getY();
    double y1 = host.sceneToLocal(yAxis.localToScene(0, bottom)).getY();
    line.setStartX(at.getX());
    line.setEndX(at.getX());
    line.setStartY(y0);
    line.setEndY(y1);
  }
}
