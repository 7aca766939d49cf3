package org.aslwb.data;

import java.nio.file.Path;

/**
 * A decoded, resized image kept compactly as 8-bit values (CHW), with its file and label.
 *
 * <p>Bytes rather than floats: the full Kaggle set (87,000 images at 64x64x3) is 1 GB this way and
 * 4 GB as floats.
 *
 * @param file where it came from
 * @param label class index
 * @param pixels {@code channels * height * width} values, 0..255
 */
public record Sample(Path file, int label, byte[] pixels) {
  /** Converts to floats on the [0,1] scale. */
  public PixelImage toImage(int width, int height, int channels) {
    float[] data = new float[pixels.length];
    for (int i = 0; i < data.length; i++) {
      data[i] = (pixels[i] & 0xFF) / 255f;
    }
    return new PixelImage(width, height, channels, data);
  }

  /** Quantises a [0,1] image to bytes. */
  public static byte[] quantise(PixelImage image) {
    float[] d = image.data();
    byte[] out = new byte[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = (byte) Math.max(0, Math.min(255, Math.round(d[i] * 255f)));
    }
    return out;
  }
}
