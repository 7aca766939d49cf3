package org.aslwb.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart drawn with Java2D, so that the CLI and the report draw figures without a display.
 */
public final class LineChart {
  private static final Color[] COLOURS = {
    new Color(0x1565C0), new Color(0xD84315), new Color(0x2E7D32), new Color(0x6A1B9A)
  };
  private static final int W = 720;
  private static final int H = 440;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  /**
   * One line.
   *
   * @param name legend text
   * @param x x values
   * @param y y values (NaN points are skipped)
   */
  public record Series(String name, double[] x, double[] y) {}

  private final String xLabel;
  private final String yLabel;
  private final List<Series> series = new ArrayList<>();
  private double yMin = Double.NaN;
  private double yMax = Double.NaN;

  /** An empty chart with axis titles. */
  public LineChart(String xLabel, String yLabel) {
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /** Fixes the y range (otherwise it spans the data). */
  public LineChart yRange(double min, double max) {
    yMin = min;
    yMax = max;
    return this;
  }

  /** Adds a line. */
  public LineChart add(Series s) {
    series.add(s);
    return this;
  }

  /** Draws the chart. */
  public BufferedImage render() {
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (int i = 0; i < s.x().length; i++) {
        xMin = Math.min(xMin, s.x()[i]);
        xMax = Math.max(xMax, s.x()[i]);
        if (!Double.isNaN(s.y()[i])) {
          lo = Math.min(lo, s.y()[i]);
          hi = Math.max(hi, s.y()[i]);
        }
      }
    }
    if (!(xMax > xMin)) {
      xMin = Double.isFinite(xMin) ? xMin - 1 : 0;
      xMax = xMin + 2;
    }
    double y0 = Double.isNaN(yMin) ? (Double.isFinite(lo) ? Math.min(0, lo) : 0) : yMin;
    double y1 = Double.isNaN(yMax) ? (Double.isFinite(hi) && hi > y0 ? hi * 1.05 : y0 + 1) : yMax;
    BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i <= 10; i++) {
      int y = TOP + (H - TOP - BOTTOM) * i / 10;
      g.setColor(new Color(0xDDDDDD));
      g.drawLine(LEFT, y, W - RIGHT, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(label(y1 - (y1 - y0) * i / 10, (y1 - y0) / 10), 8, y + 4);
    }
    for (int i = 0; i <= 5; i++) {
      int x = LEFT + (W - LEFT - RIGHT) * i / 5;
      g.drawString(label(xMin + (xMax - xMin) * i / 5, (xMax - xMin) / 5), x - 15, H - BOTTOM + 18);
    }
    g.drawString(xLabel, W / 2 - 70, H - 10);
    g.drawString(yLabel, 8, TOP - 14);
    for (int c = 0; c < series.size(); c++) {
      Series s = series.get(c);
      g.setColor(COLOURS[c % COLOURS.length]);
      g.setStroke(new BasicStroke(2f));
      int px = Integer.MIN_VALUE;
      int py = 0;
      for (int i = 0; i < s.x().length; i++) {
        if (Double.isNaN(s.y()[i])) {
          continue;
        }
        int x = LEFT + (int) ((W - LEFT - RIGHT) * (s.x()[i] - xMin) / (xMax - xMin));
        int y = TOP + (int) ((H - TOP - BOTTOM) * (y1 - s.y()[i]) / (y1 - y0));
        if (px != Integer.MIN_VALUE) {
          g.drawLine(px, py, x, y);
        }
        g.fillOval(x - 3, y - 3, 6, 6);
        px = x;
        py = y;
      }
      g.drawString(s.name(), LEFT + 10, TOP + 15 + 15 * c);
    }
    g.dispose();
    return image;
  }

  /** {@code v} with as many decimals as a tick step of {@code step} needs. */
  private static String label(double v, double step) {
    int decimals = step >= 1 ? 0 : (int) Math.min(4, Math.ceil(-Math.log10(step) - 1e-9));
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
