package org.aslwb.ui.common;

import java.util.List;
import java.util.function.BiConsumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.aslwb.export.HeatColours;

/**
 * A confusion heat map: rows are true classes, columns predictions, colour by count (or row share),
 * with labels, a colour scale, counts in a tooltip and a click handler per cell.
 */
public final class HeatMapView extends Region {
  private static final double LABEL = 48;
  private final Canvas canvas = new Canvas();
  private final Tooltip tooltip = new Tooltip();
  private List<String> rows = List.of();
  private List<String> columns = List.of();
  private double[][] values = new double[0][0];
  private long[][] counts = new long[0][0];
  private BiConsumer<Integer, Integer> onCellClicked = (r, c) -> {};
  private String emptyText = "No data yet: evaluate to draw the confusion matrix";

  /** An empty heat map. */
  public HeatMapView() {
    getStyleClass().add("heat-map");
    getChildren().add(canvas);
    Tooltip.install(canvas, tooltip);
    // redraw when the theme switches (the root's "dark" style class)
    javafx.collections.ListChangeListener<String> themeChanged = c -> draw();
    sceneProperty()
        .addListener(
            (o, was, now) -> {
              if (was != null) {
                was.getRoot().getStyleClass().removeListener(themeChanged);
              }
              if (now != null) {
                now.getRoot().getStyleClass().addListener(themeChanged);
                draw();
              }
            });
    canvas.setOnMouseMoved(
        e -> {
          int[] cell = cellAt(e.getX(), e.getY());
          if (cell != null) {
            tooltip.setText(
                "true "
                    + rows.get(cell[0])
                    + ", predicted "
                    + columns.get(cell[1])
                    + ": "
                    + counts[cell[0]][cell[1]]);
          }
        });
    canvas.setOnMouseClicked(
        e -> {
          int[] cell = cellAt(e.getX(), e.getY());
          if (cell != null) {
            onCellClicked.accept(cell[0], cell[1]);
          }
        });
  }

  /** Shows {@code counts}; {@code normalised} colours by each row's share instead of raw count. */
  public void show(
      List<String> rowNames, List<String> columnNames, long[][] cellCounts, boolean normalised) {
    rows = rowNames;
    columns = columnNames;
    counts = cellCounts;
    values = new double[cellCounts.length][];
    double max = 1;
    for (int r = 0; r < cellCounts.length; r++) {
      long rowSum = 0;
      for (long c : cellCounts[r]) {
        rowSum += c;
        max = Math.max(max, c);
      }
      values[r] = new double[cellCounts[r].length];
      for (int c = 0; c < cellCounts[r].length; c++) {
        values[r][c] =
            normalised ? (rowSum == 0 ? 0 : (double) cellCounts[r][c] / rowSum) : cellCounts[r][c];
      }
    }
    if (!normalised) {
      for (double[] row : values) {
        for (int c = 0; c < row.length; c++) {
          row[c] /= max;
        }
      }
    }
    requestLayout();
    draw();
  }

  /** What the map says before it has data (FXML: {@code emptyText="..."}). */
  public String getEmptyText() {
    return emptyText;
  }

  /** Sets what the map says before it has data: how to get some, in the tab's words. */
  public void setEmptyText(String text) {
    emptyText = text;
    draw();
  }

  /** Called with (row, column) when a cell is clicked. */
  public void setOnCellClicked(BiConsumer<Integer, Integer> handler) {
    onCellClicked = handler;
  }

  /** The canvas, for exporting a snapshot. */
  public Canvas canvas() {
    return canvas;
  }

  @Override
  protected void layoutChildren() {
    canvas.setWidth(getWidth());
    canvas.setHeight(getHeight());
    draw();
  }

  private double cell() {
    int n = Math.max(1, Math.max(rows.size(), columns.size()));
    return Math.max(4, Math.min((getWidth() - LABEL - 40) / n, (getHeight() - LABEL) / n));
  }

  private int[] cellAt(double x, double y) {
    double s = cell();
    int c = (int) ((x - LABEL) / s);
    int r = (int) ((y - LABEL) / s);
    return x >= LABEL && y >= LABEL && r < rows.size() && c < columns.size()
        ? new int[] {r, c}
        : null;
  }

  /** Whether the window wears the dark theme (its root has the "dark" style class). */
  private boolean dark() {
    return getScene() != null && getScene().getRoot().getStyleClass().contains("dark");
  }

  private void draw() {
    GraphicsContext g = canvas.getGraphicsContext2D();
    boolean dark = dark();
    Color text = dark ? Color.gray(0.85) : Color.gray(0.2);
    g.setFill(dark ? Color.web("#0d1117") : Color.WHITE);
    g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
    if (rows.isEmpty()) {
      g.setFill(text);
      g.setFont(Font.font(14));
      g.fillText(emptyText, 16, 32);
      return;
    }
    double s = cell();
    g.setFont(Font.font(Math.min(11, s * 0.8)));
    for (int r = 0; r < rows.size(); r++) {
      g.setFill(text);
      g.fillText(rows.get(r), 4, LABEL + r * s + s * 0.8);
      for (int c = 0; c < columns.size(); c++) {
        g.setFill(scale(values[r][c]));
        g.fillRect(LABEL + c * s, LABEL + r * s, s - 1, s - 1);
      }
    }
    g.setFill(text);
    for (int c = 0; c < columns.size(); c++) {
      g.save();
      g.translate(LABEL + c * s + s * 0.75, LABEL - 4);
      g.rotate(-90);
      g.fillText(columns.get(c), 0, 0);
      g.restore();
    }
    double x = LABEL + columns.size() * s + 10;
    for (int i = 0; i < 100; i++) {
      g.setFill(scale(1 - i / 100.0));
      g.fillRect(x, LABEL + i * (rows.size() * s) / 100, 14, rows.size() * s / 100 + 1);
    }
  }

  /** White to deep blue. */
  static Color scale(double v) {
    double[] c = HeatColours.rgb(v);
    return Color.color(c[0], c[1], c[2]);
  }
}
