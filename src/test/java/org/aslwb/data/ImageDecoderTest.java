package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {
  @TempDir Path dir;
  private final ImageDecoder decoder = new ImageDecoder();

  private Path write(String name, BufferedImage image, String format) throws Exception {
    Path f = dir.resolve(name);
    ImageIO.write(image, format, f.toFile());
    return f;
  }

  private static BufferedImage rgb(int w, int h, int type) {
    BufferedImage b = new BufferedImage(w, h, type);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        b.setRGB(x, y, 0xFF000000 | (x * 255 / w) << 16 | (y * 255 / h) << 8 | 0x40);
      }
    }
    return b;
  }

  @Test
  void decodesJpegPngBmpAndGifToRgb() throws Exception {
    for (String format : new String[] {"jpg", "png", "bmp", "gif"}) {
      BufferedImage out =
          decoder.decode(write("a." + format, rgb(32, 24, BufferedImage.TYPE_INT_RGB), format));
      assertEquals(32, out.getWidth(), format);
      assertEquals(24, out.getHeight(), format);
      assertEquals(BufferedImage.TYPE_INT_RGB, out.getType(), format);
    }
  }

  @Test
  void grayscaleSixteenBitAndAlphaImagesAreConverted() throws Exception {
    BufferedImage gray16 = new BufferedImage(20, 20, BufferedImage.TYPE_USHORT_GRAY);
    gray16.getRaster().setSample(3, 3, 0, 65535);
    assertEquals(0xFFFFFF, decoder.decode(write("g16.png", gray16, "png")).getRGB(3, 3) & 0xFFFFFF);
    BufferedImage alpha = new BufferedImage(20, 20, BufferedImage.TYPE_INT_ARGB);
    // fully transparent pixels are composed over white
    assertEquals(
        0xFFFFFF, decoder.decode(write("alpha.png", alpha, "png")).getRGB(0, 0) & 0xFFFFFF);
    BufferedImage gray = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY);
    assertEquals(20, decoder.decode(write("g8.jpg", gray, "jpg")).getWidth());
  }

  @Test
  void badFilesAreRefusedWithAReasonNamingTheFile() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.jpg"));
    Path text = Files.writeString(dir.resolve("notes.jpg"), "this is not an image");
    Path tiny = write("tiny.png", rgb(1, 1, BufferedImage.TYPE_INT_RGB), "png");
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(rgb(64, 64, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
    Path truncated =
        Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg.toByteArray(), jpeg.size() / 2));
    assertReason(empty, "empty file");
    assertReason(text, "not an image");
    assertReason(tiny, "too small");
    assertReason(truncated, "truncated");
  }

  @Test
  void imagesOverThePixelBudgetAreRefusedBeforeDecoding() throws Exception {
    Path big = write("big.png", rgb(200, 200, BufferedImage.TYPE_INT_RGB), "png");
    UnreadableImageException e =
        assertThrows(UnreadableImageException.class, () -> new ImageDecoder(10_000).decode(big));
    assertTrue(e.reason().contains("too large"), e.reason());
  }

  private void assertReason(Path file, String expected) {
    UnreadableImageException e =
        assertThrows(UnreadableImageException.class, () -> decoder.decode(file));
    assertTrue(e.reason().contains(expected), file + ": " + e.reason());
    assertTrue(e.getMessage().contains(file.getFileName().toString()));
  }
}
