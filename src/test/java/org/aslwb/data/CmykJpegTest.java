package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CMYK JPEG as Photoshop writes it without a colour profile: an Adobe APP14 marker, no ICC. */
class CmykJpegTest {
  @TempDir Path dir;

  /**
   * Left half red, right half white, in Adobe's inverted CMYK (255 = no ink), with an APP14 "Adobe"
   * segment (transform 0: the channels are CMYK as stored) and no ICC profile.
   */
  static Path writeAdobeCmykJpeg(Path file) throws Exception {
    int w = 32;
    int h = 24;
    WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean red = x < w / 2;
        cmyk.setPixel(x, y, red ? new int[] {255, 0, 0, 255} : new int[] {255, 255, 255, 255});
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(cmyk, null, null), null);
    } finally {
      writer.dispose();
    }
    byte[] jpeg = bytes.toByteArray();
    byte[] app14 = {
      (byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0
    };
    byte[] withMarker = new byte[jpeg.length + app14.length];
    System.arraycopy(jpeg, 0, withMarker, 0, 2); // SOI
    System.arraycopy(app14, 0, withMarker, 2, app14.length);
    System.arraycopy(jpeg, 2, withMarker, 2 + app14.length, jpeg.length - 2);
    return Files.write(file, withMarker);
  }

  @Test
  void anAdobeCmykJpegWithoutAnIccProfileDecodesWithADefaultCmykProfile() throws Exception {
    Path file = writeAdobeCmykJpeg(dir.resolve("cmyk.jpg"));

    BufferedImage rgb = new ImageDecoder().decode(file);

    assertTrue(rgb.getWidth() == 32 && rgb.getHeight() == 24);
    int left = rgb.getRGB(4, 12);
    int right = rgb.getRGB(28, 12);
    assertTrue(red(left) > 180 && green(left) < 90 && blue(left) < 90, Integer.toHexString(left));
    assertTrue(
        red(right) > 220 && green(right) > 220 && blue(right) > 220, Integer.toHexString(right));
  }

  @Test
  void aTruncatedCmykJpegIsStillRefused() throws Exception {
    Path file = writeAdobeCmykJpeg(dir.resolve("cmyk.jpg"));
    byte[] bytes = Files.readAllBytes(file);
    Path cut =
        Files.write(dir.resolve("cut.jpg"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

    UnreadableImageException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            UnreadableImageException.class, () -> new ImageDecoder().decode(cut));
    assertTrue(e.reason().contains("corrupt or truncated"), e.reason());
  }

  private static int red(int rgb) {
    return rgb >> 16 & 0xFF;
  }

  private static int green(int rgb) {
    return rgb >> 8 & 0xFF;
  }

  private static int blue(int rgb) {
    return rgb & 0xFF;
  }
}
