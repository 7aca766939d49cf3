package org.aslwb.export;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.aslwb.data.PixelImage;

/** PNG encoding of figures and images, to files or to {@code data:} URIs for the HTML report. */
public final class Png {
  private Png() {}

  /** Packed RGB pixels as an image. */
  public static BufferedImage image(int[] argb, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, width, height, argb, 0, width);
    return image;
  }

  /** A [0,1] image as an RGB image. */
  public static BufferedImage image(PixelImage pixels) {
    return image(pixels.toArgb(), pixels.width(), pixels.height());
  }

  /** Writes {@code image} to {@code file}. */
  public static void write(BufferedImage image, Path file) throws IOException {
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer for " + file);
    }
  }

  /** The PNG bytes of {@code image}. */
  public static byte[] bytes(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /** {@code image} as a {@code data:image/png;base64,...} URI. */
  public static String dataUri(BufferedImage image) {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes(image));
  }
}
