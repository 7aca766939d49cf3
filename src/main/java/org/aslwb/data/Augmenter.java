package org.aslwb.data;

import java.util.Random;

/**
 * Applies an {@link Augmentation} with draws from a caller's seeded {@link Random}: rotation, shift
 * and crop are composed into one inverse affine map and sampled once, bilinearly, with edge pixels
 * repeated outside the image (Keras' {@code fill_mode='nearest'}).
 */
public final class Augmenter {
  private final Augmentation augmentation;

  /** An augmenter for the given ranges. */
  public Augmenter(Augmentation augmentation) {
    this.augmentation = augmentation;
  }

  /** The ranges. */
  public Augmentation augmentation() {
    return augmentation;
  }

  /** A new, randomly transformed image; labels are unaffected by any of the transforms. */
  public PixelImage apply(PixelImage image, Random random) {
    if (augmentation.isIdentity()) {
      return image.copy();
    }
    int w = image.width();
    int h = image.height();
    double angle = Math.toRadians(uniform(random, augmentation.rotationDegrees()));
    double tx = uniform(random, augmentation.widthShift()) * w;
    double ty = uniform(random, augmentation.heightShift()) * h;
    // crop: keep a window of relative size s, at a random offset, stretched back to full size
    double s = 1 - random.nextDouble() * augmentation.cropFraction();
    double cropX = random.nextDouble() * (1 - s) * w;
    double cropY = random.nextDouble() * (1 - s) * h;
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double cx = (w - 1) / 2.0;
    double cy = (h - 1) / 2.0;
    float[] src = image.data();
    float[] out = new float[src.length];
    int plane = w * h;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        // output -> crop window -> undo shift -> undo rotation about the centre
        double u = cropX + x * s - tx - cx;
        double v = cropY + y * s - ty - cy;
        double sx = cos * u + sin * v + cx;
        double sy = -sin * u + cos * v + cy;
        sample(src, w, h, image.channels(), plane, sx, sy, out, y * w + x);
      }
    }
    return new PixelImage(w, h, image.channels(), out);
  }

  private static void sample(
      float[] src,
      int w,
      int h,
      int channels,
      int plane,
      double sx,
      double sy,
      float[] out,
      int at) {
    double fx = Math.max(0, Math.min(w - 1, sx));
    double fy = Math.max(0, Math.min(h - 1, sy));
    int x0 = (int) fx;
    int y0 = (int) fy;
    int x1 = Math.min(w - 1, x0 + 1);
    int y1 = Math.min(h - 1, y0 + 1);
    float ax = (float) (fx - x0);
    float ay = (float) (fy - y0);
    for (int c = 0; c < channels; c++) {
      int base = c * plane;
      float top = src[base + y0 * w + x0] * (1 - ax) + src[base + y0 * w + x1] * ax;
      float bottom = src[base + y1 * w + x0] * (1 - ax) + src[base + y1 * w + x1] * ax;
      out[base + at] = top * (1 - ay) + bottom * ay;
    }
  }

  private static double uniform(Random random, double range) {
    return range == 0 ? 0 : (random.nextDouble() * 2 - 1) * range;
  }
}
