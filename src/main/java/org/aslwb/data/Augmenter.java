package org.aslwb.data;

import java.util.Random;

/**
 * Applies an {@link Augmentation} with draws from a caller's seeded {@link Random}. The background
 * swap comes first (it finds the backdrop by the border colour of the untouched photo); rotation,
 * shift and crop (the reference study's geometry), the zoom-out and the mirror are then composed
 * into one inverse affine map and sampled once, bilinearly, with edge pixels repeated outside the
 * image (Keras' {@code fill_mode='nearest'}) and the photo's border colour around a zoomed-out
 * picture; colour, blur and noise follow. Every operation is the shift suite's own ({@link
 * ImageOps}). Switches that are off draw no random numbers, so the reference geometry alone draws
 * exactly as before the other switches existed.
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
    Augmentation a = augmentation;
    if (a.isIdentity()) {
      return image.copy();
    }
    PixelImage out = image;
    if (a.background() > 0 && random.nextDouble() < a.background()) {
      out = BackgroundSwap.apply(out, random);
    }
    // drawn in this order, then applied in one resampling: the inverse maps run from the output
    // back through the mirror, the zoom-out and the geometry to the photo
    ImageOps.Affine geometry = geometry(out, random);
    ImageOps.Affine frame = null;
    if (a.zoomOut() > 0) {
      double scale = 1 - random.nextDouble() * a.zoomOut();
      // the shrunk picture may sit anywhere inside the frame
      double dx = (random.nextDouble() * 2 - 1) * (1 - scale) / 2 * out.width();
      double dy = (random.nextDouble() * 2 - 1) * (1 - scale) / 2 * out.height();
      frame = ImageOps.Affine.scaleAndShift(out.width(), out.height(), scale, dx, dy);
    }
    ImageOps.Affine mirror = ImageOps.Affine.IDENTITY;
    if (a.flip() > 0 && random.nextDouble() < a.flip()) {
      mirror = ImageOps.Affine.mirror(out.width());
    }
    if (frame != null) {
      frame = frame.after(mirror);
      out = ImageOps.warp(out, geometry.after(frame), frame, ImageOps.borderColour(out));
    } else if (geometry != ImageOps.Affine.IDENTITY || mirror != ImageOps.Affine.IDENTITY) {
      out = ImageOps.warp(out, geometry.after(mirror));
    }
    // from here on every step changes the pixels of this augmenter's own copy
    if (out == image) {
      out = image.copy();
    }
    // drawn in this order, then applied in one go (NaN: off)
    double delta = a.brightness() > 0 ? uniform(random, a.brightness()) : Double.NaN;
    double contrast = a.contrast() > 0 ? 1 + uniform(random, a.contrast()) : Double.NaN;
    double saturation = a.saturation() > 0 ? 1 + uniform(random, a.saturation()) : Double.NaN;
    double turns = a.hue() > 0 ? uniform(random, a.hue()) : Double.NaN;
    if (a.brightness() > 0 || a.contrast() > 0 || a.saturation() > 0 || a.hue() > 0) {
      ImageOps.colourJitterInPlace(out, delta, contrast, saturation, turns);
    }
    if (a.greyscale() > 0 && random.nextDouble() < a.greyscale()) {
      ImageOps.greyscaleInPlace(out);
    }
    if (a.blur() > 0) {
      ImageOps.blurInPlace(out, a.blur() * (0.25 + 0.75 * random.nextDouble()));
    }
    if (a.noise() > 0) {
      ImageOps.noiseInPlace(out, random.nextDouble() * a.noise(), random);
    }
    return out;
  }

  // the reference study's rotation, shift and crop as one inverse map
  private ImageOps.Affine geometry(PixelImage image, Random random) {
    Augmentation a = augmentation;
    if (a.rotationDegrees() == 0
        && a.widthShift() == 0
        && a.heightShift() == 0
        && a.cropFraction() == 0) {
      return ImageOps.Affine.IDENTITY;
    }
    int w = image.width();
    int h = image.height();
    double angle = Math.toRadians(uniform(random, a.rotationDegrees()));
    double tx = uniform(random, a.widthShift()) * w;
    double ty = uniform(random, a.heightShift()) * h;
    // crop: keep a window of relative size s, at a random offset, stretched back to full size
    double s = 1 - random.nextDouble() * a.cropFraction();
    double cropX = random.nextDouble() * (1 - s) * w;
    double cropY = random.nextDouble() * (1 - s) * h;
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double cx = (w - 1) / 2.0;
    double cy = (h - 1) / 2.0;
    // output -> crop window -> undo shift -> undo rotation about the centre
    double u0 = cropX - tx - cx;
    double v0 = cropY - ty - cy;
    return new ImageOps.Affine(
        cos * s, sin * s, cos * u0 + sin * v0 + cx, -sin * s, cos * s, -sin * u0 + cos * v0 + cy);
  }

  private static double uniform(Random random, double range) {
    return range == 0 ? 0 : (random.nextDouble() * 2 - 1) * range;
  }
}
