package org.aslwb.explain;

import java.awt.image.BufferedImage;
import org.aslwb.data.PackedRgb;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Resampler;

/**
 * The image LIME segments: the photo itself, scaled down to at most {@link #MAX_SIDE} pixels per
 * side (a 200x200 Kaggle photo is kept as it is, so superpixel counts compare with lime's).
 */
public final class ExplainInput {
  /** Larger photos are scaled down first: quickshift's cost grows with the pixel count. */
  public static final int MAX_SIDE = 256;

  private ExplainInput() {}

  /** The decoded photo as a [0,1] RGB image of at most {@link #MAX_SIDE} per side. */
  public static PixelImage fromPhoto(BufferedImage rgb) {
    int w = rgb.getWidth();
    int h = rgb.getHeight();
    double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(w, h));
    int tw = Math.max(8, (int) Math.round(w * scale));
    int th = Math.max(8, (int) Math.round(h * scale));
    return Resampler.resize(PackedRgb.of(rgb).pixels(), w, h, tw, th, 3);
  }
}
