package org.aslwb.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * A decoded picture as packed 0xRRGGBB ints, row-major: what the resize reads. The decoders hand
 * this over instead of a {@link BufferedImage} where nothing needs one, since building an image's
 * colour and sample models for every photo of a data set costs more than copying its pixels.
 *
 * @param pixels {@code width * height} pixels, index {@code y * width + x}; {@link #of} shares the
 *     image's own array where it can, so neither side may change it afterwards
 */
public record PackedRgb(int[] pixels, int width, int height) {
  /** Checks the shape. */
  public PackedRgb {
    if (width <= 0 || height <= 0 || pixels.length != width * height) {
      throw new IllegalArgumentException(
          "bad packed image: " + width + "x" + height + " with " + pixels.length + " pixels");
    }
  }

  /**
   * The image's pixels: the raster's own array where it is laid out that way (what {@link
   * ImageDecoder} makes), else a copy through {@code getRGB}, which converts pixel by pixel.
   */
  public static PackedRgb of(BufferedImage rgb) {
    int w = rgb.getWidth();
    int h = rgb.getHeight();
    if (rgb.getType() == BufferedImage.TYPE_INT_RGB
        && rgb.getRaster().getDataBuffer() instanceof DataBufferInt buffer
        && buffer.getNumBanks() == 1
        && buffer.getOffset() == 0
        && buffer.getSize() == w * h
        && rgb.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel layout
        && layout.getScanlineStride() == w
        && rgb.getRaster().getSampleModelTranslateX() == 0
        && rgb.getRaster().getSampleModelTranslateY() == 0) {
      return new PackedRgb(buffer.getData(), w, h);
    }
    return new PackedRgb(rgb.getRGB(0, 0, w, h, null, 0, w), w, h);
  }
}
