package org.aslwb.data;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Draws one synthetic hand-sign photo: a stylised hand in a {@link HandPose} over a cluttered
 * background, with random skin tone, lighting, rotation, scale, position and sensor noise.
 * Everything random comes from the caller's {@link Random}, so a seed reproduces the image.
 */
public final class SyntheticHandRenderer {
  private static final Color[] SKIN = {
    new Color(255, 224, 196), new Color(241, 194, 160), new Color(224, 172, 105),
    new Color(198, 134, 66), new Color(141, 85, 36), new Color(92, 56, 30)
  };

  private final int size;

  /** A renderer for square images of {@code size} pixels. */
  public SyntheticHandRenderer(int size) {
    if (size < 16 || size > 1024) {
      throw new IllegalArgumentException("size must be 16..1024, got " + size);
    }
    this.size = size;
  }

  /** Renders {@code pose} with draws from {@code random}. */
  public BufferedImage render(HandPose pose, Random random) {
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      drawBackground(g, random);
      if (pose.hasHand()) {
        drawHand(g, pose, random);
      }
      drawLighting(g, random);
    } finally {
      g.dispose();
    }
    addNoise(image, random);
    return image;
  }

  private void drawBackground(Graphics2D g, Random random) {
    Color a = randomColour(random, 40, 230);
    Color b = randomColour(random, 40, 230);
    g.setPaint(new GradientPaint(0, 0, a, size * random.nextFloat(), size, b));
    g.fillRect(0, 0, size, size);
    int clutter = 2 + random.nextInt(4);
    for (int i = 0; i < clutter; i++) {
      Color c = randomColour(random, 30, 240);
      g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 60 + random.nextInt(80)));
      float x = random.nextFloat() * size;
      float y = random.nextFloat() * size;
      float w = size * (0.1f + 0.4f * random.nextFloat());
      float h = size * (0.05f + 0.3f * random.nextFloat());
      g.fill(
          random.nextBoolean()
              ? new Ellipse2D.Float(x - w / 2, y - h / 2, w, h)
              : new RoundRectangle2D.Float(x - w / 2, y - h / 2, w, h, 4, 4));
    }
  }

  private void drawHand(Graphics2D g, HandPose pose, Random random) {
    Color skin = jitter(SKIN[random.nextInt(SKIN.length)], random, 18);
    Color edge = skin.darker();
    AffineTransform saved = g.getTransform();
    double scale = size * (0.85 + 0.25 * random.nextDouble());
    g.translate(
        size * (0.5 + 0.08 * (random.nextDouble() * 2 - 1)),
        size * (0.55 + 0.08 * (random.nextDouble() * 2 - 1)));
    g.rotate(Math.toRadians(pose.angleDegrees() + 10 * (random.nextDouble() * 2 - 1)));
    g.scale(scale, scale);
    g.setStroke(new BasicStroke(0.012f));
    // forearm, then palm, then fingers on top
    fill(g, new RoundRectangle2D.Double(-0.13, 0.12, 0.26, 0.6, 0.08, 0.08), skin, edge);
    fill(g, new RoundRectangle2D.Double(-0.18, -0.16, 0.36, 0.36, 0.12, 0.12), skin, edge);
    int[] f = pose.fingers();
    double[] xs = {-0.13, -0.045, 0.045, 0.13};
    double[] lengths = {0.27, 0.30, 0.28, 0.22};
    for (int i = 0; i < 4; i++) {
      double fan = pose.spread() && f[i + 1] == 2 ? (i - 1.5) * 14 : 0;
      drawFinger(g, xs[i], -0.14, lengths[i], f[i + 1], fan, skin, edge);
    }
    drawThumb(g, f[0], skin, edge);
    g.setTransform(saved);
  }

  private static void drawFinger(
      Graphics2D g,
      double x,
      double y,
      double length,
      int state,
      double fanDegrees,
      Color skin,
      Color edge) {
    AffineTransform saved = g.getTransform();
    g.translate(x, y);
    g.rotate(Math.toRadians(fanDegrees));
    double w = 0.075;
    double l = state == 2 ? length : state == 1 ? length * 0.5 : 0.05;
    fill(g, new RoundRectangle2D.Double(-w / 2, -l, w, l + 0.03, w, w), skin, edge);
    if (state == 1) {
      // a bent finger shows its nail-side tip folded towards the palm
      fill(g, new RoundRectangle2D.Double(-w / 2, -l, w, 0.07, w, w), skin.darker(), edge);
    }
    g.setTransform(saved);
  }

  private static void drawThumb(Graphics2D g, int state, Color skin, Color edge) {
    AffineTransform saved = g.getTransform();
    g.translate(-0.17, 0.05);
    double angle = state == 2 ? -60 : state == 1 ? 20 : 70;
    double length = state == 2 ? 0.24 : state == 1 ? 0.2 : 0.14;
    g.rotate(Math.toRadians(angle));
    fill(g, new RoundRectangle2D.Double(-0.045, -length, 0.09, length, 0.09, 0.09), skin, edge);
    g.setTransform(saved);
  }

  private void drawLighting(Graphics2D g, Random random) {
    float cx = random.nextFloat() * size;
    float cy = random.nextFloat() * size;
    boolean bright = random.nextBoolean();
    int alpha = 40 + random.nextInt(70);
    Color centre = bright ? new Color(255, 255, 255, alpha) : new Color(0, 0, 0, 0);
    Color rim = bright ? new Color(255, 255, 255, 0) : new Color(0, 0, 0, alpha);
    g.setPaint(
        new RadialGradientPaint(
            cx, cy, size * 0.9f, new float[] {0f, 1f}, new Color[] {centre, rim}));
    g.fillRect(0, 0, size, size);
  }

  private void addNoise(BufferedImage image, Random random) {
    double sigma = 2 + 6 * random.nextDouble();
    int[] px = image.getRGB(0, 0, size, size, null, 0, size);
    for (int i = 0; i < px.length; i++) {
      int p = px[i];
      int r = clamp(((p >> 16) & 0xFF) + (int) Math.round(random.nextGaussian() * sigma));
      int gr = clamp(((p >> 8) & 0xFF) + (int) Math.round(random.nextGaussian() * sigma));
      int b = clamp((p & 0xFF) + (int) Math.round(random.nextGaussian() * sigma));
      px[i] = (r << 16) | (gr << 8) | b;
    }
    image.setRGB(0, 0, size, size, px, 0, size);
  }

  private static void fill(Graphics2D g, Shape shape, Color fill, Color edge) {
    g.setColor(fill);
    g.fill(shape);
    g.setColor(edge);
    g.draw(shape);
  }

  private static Color randomColour(Random random, int lo, int hi) {
    return new Color(
        lo + random.nextInt(hi - lo), lo + random.nextInt(hi - lo), lo + random.nextInt(hi - lo));
  }

  private static Color jitter(Color c, Random random, int amount) {
    return new Color(
        clamp(c.getRed() + random.nextInt(2 * amount + 1) - amount),
        clamp(c.getGreen() + random.nextInt(2 * amount + 1) - amount),
        clamp(c.getBlue() + random.nextInt(2 * amount + 1) - amount));
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
