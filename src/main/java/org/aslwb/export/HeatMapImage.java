package org.aslwb.export;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.aslwb.evaluation.ConfusionMatrix;

/**
 * {@code heatmap.png}: the confusion matrix drawn as the Evaluate tab draws it (rows true classes,
 * columns predictions plus "other", white to blue), without a display.
 */
public final class HeatMapImage {
  private static final int LABEL = 90;
  private static final int CELL = 20;

  private HeatMapImage() {}

  /** The matrix as an image; {@code normalised} colours by each row's share, else by count. */
  public static BufferedImage render(ConfusionMatrix m, boolean normalised) {
    int rows = m.size();
    int columns = rows + 1;
    int w = LABEL + columns * CELL + 50;
    int h = LABEL + rows * CELL + 10;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    long max = 1;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        max = Math.max(max, m.count(r, c));
      }
    }
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    g.setFont(font);
    for (int r = 0; r < rows; r++) {
      long support = m.support(r);
      g.setColor(Color.DARK_GRAY);
      g.drawString(clip(m.classNames().get(r)), 4, LABEL + r * CELL + 14);
      for (int c = 0; c < columns; c++) {
        double v =
            normalised
                ? (support == 0 ? 0 : (double) m.count(r, c) / support)
                : (double) m.count(r, c) / max;
        g.setColor(new Color(HeatColours.packed(v)));
        g.fillRect(LABEL + c * CELL, LABEL + r * CELL, CELL - 1, CELL - 1);
      }
    }
    g.setColor(Color.DARK_GRAY);
    for (int c = 0; c < columns; c++) {
      String name = c < rows ? m.classNames().get(c) : "other";
      AffineTransform saved = g.getTransform();
      g.translate(LABEL + c * CELL + 14, LABEL - 4);
      g.rotate(-Math.PI / 2);
      g.drawString(clip(name), 0, 0);
      g.setTransform(saved);
    }
    int x = LABEL + columns * CELL + 12;
    for (int i = 0; i < 100; i++) {
      g.setColor(new Color(HeatColours.packed(1 - i / 100.0)));
      g.fillRect(x, LABEL + i * rows * CELL / 100, 14, rows * CELL / 100 + 1);
    }
    g.dispose();
    return image;
  }

  private static String clip(String name) {
    return name.length() > 12 ? name.substring(0, 11) + "…" : name;
  }

  /** Writes the image to {@code file}. */
  public static void write(ConfusionMatrix m, boolean normalised, Path file) throws IOException {
    Png.write(render(m, normalised), file);
  }
}
