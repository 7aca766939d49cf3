package org.aslwb.data;

import java.util.Random;

/**
 * Replaces what is probably background with a random texture, so a model cannot lean on one
 * signer's wall. Without a segmentation model the hand is guessed by two cues: pixels that differ
 * from the image's border colour (the backdrop) and nearness to the centre (the photos are framed
 * on the hand). The soft mask keeps the hand and its surroundings and fades to the texture
 * elsewhere.
 */
public final class BackgroundSwap {
  /** Colour distance from the border colour below which a pixel counts as backdrop. */
  static final float BACKDROP = 0.04f;

  /** Colour distance above which a pixel counts as foreground. */
  static final float FOREGROUND = 0.14f;

  private BackgroundSwap() {}

  /**
   * The soft foreground mask of {@code image}, one value in [0,1] per pixel (1: keep the pixel).
   */
  public static float[] foregroundMask(PixelImage image) {
    int w = image.width();
    int h = image.height();
    int plane = w * h;
    float[] border = ImageOps.borderColour(image);
    float[] mask = new float[plane];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double d2 = 0;
        for (int c = 0; c < image.channels(); c++) {
          double diff = image.get(c, y, x) - border[c];
          d2 += diff * diff;
        }
        float distance = (float) Math.sqrt(d2 / image.channels());
        float colour = smoothstep(BACKDROP, FOREGROUND, distance);
        // centre prior: full weight within 0.35 of the half-diagonal, none beyond 0.75
        double rx = (x - (w - 1) / 2.0) / (w / 2.0);
        double ry = (y - (h - 1) / 2.0) / (h / 2.0);
        float centre = 1 - smoothstep(0.5f, 1.05f, (float) Math.sqrt(rx * rx + ry * ry));
        mask[y * w + x] = colour * centre;
      }
    }
    // soften the edge so no cut-out outline is left for the network to learn
    PixelImage soft = ImageOps.blur(new PixelImage(w, h, 1, mask), Math.max(0.5, w / 64.0));
    return soft.data();
  }

  /**
   * A random backdrop: a smooth field of random colours on a coarse grid, with fine noise of random
   * strength on top.
   */
  public static PixelImage texture(int width, int height, int channels, Random random) {
    int cells = 2 + random.nextInt(6);
    float[][] grid = new float[channels][(cells + 1) * (cells + 1)];
    for (float[] g : grid) {
      for (int i = 0; i < g.length; i++) {
        g[i] = random.nextFloat();
      }
    }
    double grain = random.nextDouble() * 0.08;
    var gaussian = ImageOps.perPixel(random);
    int plane = width * height;
    float[] d = new float[plane * channels];
    for (int y = 0; y < height; y++) {
      double gy = (double) y / Math.max(1, height - 1) * cells;
      int y0 = Math.min(cells - 1, (int) gy);
      double ay = gy - y0;
      for (int x = 0; x < width; x++) {
        double gx = (double) x / Math.max(1, width - 1) * cells;
        int x0 = Math.min(cells - 1, (int) gx);
        double ax = gx - x0;
        for (int c = 0; c < channels; c++) {
          float[] g = grid[c];
          int row = cells + 1;
          double top = g[y0 * row + x0] * (1 - ax) + g[y0 * row + x0 + 1] * ax;
          double bottom = g[(y0 + 1) * row + x0] * (1 - ax) + g[(y0 + 1) * row + x0 + 1] * ax;
          double v = top * (1 - ay) + bottom * ay + gaussian.nextGaussian() * grain;
          d[c * plane + y * width + x] = ImageOps.clamp((float) v);
        }
      }
    }
    return new PixelImage(width, height, channels, d);
  }

  /** {@code image} with its estimated background replaced by a random texture. */
  public static PixelImage apply(PixelImage image, Random random) {
    PixelImage texture = texture(image.width(), image.height(), image.channels(), random);
    return ImageOps.blend(image, texture, foregroundMask(image));
  }

  private static float smoothstep(float from, float to, float v) {
    float t = Math.max(0, Math.min(1, (v - from) / (to - from)));
    return t * t * (3 - 2 * t);
  }
}
