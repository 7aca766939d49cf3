package org.aslwb.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.aslwb.data.PixelImage;

/** Writes ARGB pixels and images as PNG files. */
final class Png {
  private Png() {}

  static void write(int[] argb, int width, int height, Path file) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, width, height, argb, 0, width);
    ImageIO.write(image, "png", file.toFile());
  }

  static void write(PixelImage image, Path file) throws IOException {
    write(image.toArgb(), image.width(), image.height(), file);
  }
}
