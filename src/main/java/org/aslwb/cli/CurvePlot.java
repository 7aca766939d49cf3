package org.aslwb.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.aslwb.attack.CurvePoint;
import org.aslwb.attack.SweepResult;

/** Draws accuracy-versus-epsilon curves to a PNG without a display (for the headless CLI). */
final class CurvePlot {
  private static final Color[] COLOURS = {
    new Color(0x1565C0), new Color(0xD84315), new Color(0x2E7D32), new Color(0x6A1B9A)
  };

  private CurvePlot() {}

  static void write(List<SweepResult> curves, Path file) throws IOException {
    int w = 720;
    int h = 440;
    int left = 60;
    int right = 20;
    int top = 40;
    int bottom = 50;
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    double maxEps =
        curves.stream()
            .flatMap(c -> c.points().stream())
            .mapToDouble(CurvePoint::epsilon)
            .max()
            .orElse(1);
    maxEps = maxEps <= 0 ? 1 : maxEps;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.setColor(new Color(0xDDDDDD));
    for (int i = 0; i <= 10; i++) {
      int y = top + (h - top - bottom) * i / 10;
      g.drawLine(left, y, w - right, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.format(Locale.ROOT, "%.1f", 1 - i / 10.0), 25, y + 4);
      g.setColor(new Color(0xDDDDDD));
    }
    g.setColor(Color.DARK_GRAY);
    for (int i = 0; i <= 5; i++) {
      int x = left + (w - left - right) * i / 5;
      g.drawString(String.format(Locale.ROOT, "%.3f", maxEps * i / 5), x - 15, h - bottom + 18);
    }
    g.drawString("epsilon (pixel scale [0,1])", w / 2 - 70, h - 10);
    g.drawString("accuracy", 5, top - 10);
    for (int c = 0; c < curves.size(); c++) {
      SweepResult curve = curves.get(c);
      g.setColor(COLOURS[c % COLOURS.length]);
      g.setStroke(new BasicStroke(2f));
      int px = -1;
      int py = -1;
      for (CurvePoint p : curve.points()) {
        int x = left + (int) ((w - left - right) * p.epsilon() / maxEps);
        int y = top + (int) ((h - top - bottom) * (1 - p.accuracy()));
        if (px >= 0) {
          g.drawLine(px, py, x, y);
        }
        g.fillOval(x - 3, y - 3, 6, 6);
        px = x;
        py = y;
      }
      g.drawString(curve.model() + " (" + curve.method() + ")", left + 10, top + 15 + 15 * c);
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }
}
