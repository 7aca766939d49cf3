package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader's reduced-size JPEG decode (libjpeg DCT scaling) against the full decode it replaces:
 * the model inputs must stay within a grey level or so, and every refusal must stay the same.
 */
class ScaledDecodeTest {
  @TempDir Path dir;
  private final ImageDecoder decoder = new ImageDecoder();

  @Test
  void aLargeJpegIsDecodedAtReducedSizeButNeverBelowTheTarget() throws Exception {
    assumeTrue(ScaledJpegDecoder.available(), "skipped: no native JPEG reader on this platform");
    Path photo = jpeg("hand.jpg", hands(200, 1).get(0));
    PackedRgb reduced = decoder.decodeAtLeast(photo, 64, 64);
    assertEquals(100, reduced.width());
    assertEquals(100, reduced.height());
    assertEquals(200, decoder.decodeAtLeast(photo, 101, 64).width());
    assertEquals(50, decoder.decodeAtLeast(photo, 32, 32).width());
    assertEquals(200, decoder.decode(photo).getWidth());
  }

  @Test
  void modelInputsFromTheReducedDecodeMatchTheFullDecode() throws Exception {
    List<Path> files = new ArrayList<>();
    List<BufferedImage> hands = hands(200, 12);
    for (int i = 0; i < hands.size(); i++) {
      files.add(jpeg("hand" + i + ".jpg", hands.get(i)));
    }
    for (int size : new int[] {64, 32}) {
      assertClose(files, Preprocessing.rgb(size), 1.0, 48);
    }
  }

  @Test
  void atFullSizeTheNativeDecodeEqualsImageIo() throws Exception {
    // no reduction possible: the only difference left would be the decoder itself
    Path photo = jpeg("hand.jpg", hands(96, 1).get(0));
    Preprocessing same = Preprocessing.rgb(96);
    assertArrayEquals(
        Sample.quantise(same.toPixels(decoder.decode(photo))),
        Sample.quantise(same.toPixels(decoder.decodeAtLeast(photo, 96, 96))));
    BufferedImage gray = new BufferedImage(96, 96, BufferedImage.TYPE_BYTE_GRAY);
    gray.getGraphics().drawImage(hands(96, 1).get(0), 0, 0, null);
    Path grayJpeg = jpeg("gray.jpg", gray);
    assertArrayEquals(
        Sample.quantise(same.toPixels(decoder.decode(grayJpeg))),
        Sample.quantise(same.toPixels(decoder.decodeAtLeast(grayJpeg, 96, 96))));
  }

  @Test
  void damagedAndOversizedJpegsAreRefusedAsBefore() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(hands(200, 1).get(0), "jpg", bytes);
    Path cut =
        Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2));
    UnreadableImageException e =
        assertThrows(UnreadableImageException.class, () -> decoder.decodeAtLeast(cut, 64, 64));
    assertTrue(e.reason().contains("truncated"), e.reason());
    Path whole = Files.write(dir.resolve("whole.jpg"), bytes.toByteArray());
    e =
        assertThrows(
            UnreadableImageException.class,
            () -> new ImageDecoder(10_000).decodeAtLeast(whole, 64, 64));
    assertTrue(e.reason().contains("too large"), e.reason());
    Path tiny = jpeg("tiny.jpg", new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB));
    e = assertThrows(UnreadableImageException.class, () -> decoder.decodeAtLeast(tiny, 64, 64));
    assertTrue(e.reason().contains("too small"), e.reason());
  }

  @Test
  void otherFormatsTakeTheGeneralPath() throws Exception {
    Path png = dir.resolve("hand.png");
    ImageIO.write(hands(120, 1).get(0), "png", png.toFile());
    Preprocessing p = Preprocessing.rgb(64);
    assertArrayEquals(
        Sample.quantise(p.toPixels(decoder.decode(png))),
        Sample.quantise(p.toPixels(decoder.decodeAtLeast(png, 64, 64))));
  }

  @Tag("realdata")
  @Test
  void onTheRealPhotosTheInputsStayWithinAGreyLevel() throws Exception {
    assumeTrue(
        Files.isDirectory(RealDatasetTest.ASL),
        "skipped: " + RealDatasetTest.ASL.toAbsolutePath() + " is absent");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> classes = Files.list(RealDatasetTest.ASL)) {
      for (Path c : classes.sorted().toList()) {
        try (Stream<Path> photos = Files.list(c)) {
          photos.sorted().limit(3).forEach(files::add);
        }
      }
    }
    assertClose(files, Preprocessing.rgb(64), 1.0, 48);
  }

  /**
   * Mean absolute difference under {@code meanLevels} grey levels and no value further apart than
   * {@code maxLevels} (DCT scaling is a sharper low-pass than box averaging: edges differ most).
   */
  private void assertClose(List<Path> files, Preprocessing p, double meanLevels, int maxLevels)
      throws Exception {
    long sum = 0;
    long n = 0;
    int max = 0;
    for (Path f : files) {
      byte[] full = Sample.quantise(p.toPixels(decoder.decode(f)));
      byte[] reduced = Sample.quantise(p.toPixels(decoder.decodeAtLeast(f, p.width(), p.height())));
      for (int i = 0; i < full.length; i++) {
        int d = Math.abs((full[i] & 0xFF) - (reduced[i] & 0xFF));
        sum += d;
        max = Math.max(max, d);
        n++;
      }
    }
    double mean = (double) sum / n;
    assertTrue(mean < meanLevels, p.width() + "px: mean difference " + mean + " grey levels");
    assertTrue(max <= maxLevels, p.width() + "px: largest difference " + max + " grey levels");
  }

  private Path jpeg(String name, BufferedImage image) throws Exception {
    Path f = dir.resolve(name);
    assertTrue(ImageIO.write(image, "jpg", f.toFile()));
    return f;
  }

  /** Photo-like test images: the synthetic renderer's hands, which have edges and gradients. */
  private static List<BufferedImage> hands(int size, int count) {
    SyntheticHandRenderer renderer = new SyntheticHandRenderer(size);
    List<HandPose> poses = HandPose.alphabet();
    Random random = new Random(5);
    List<BufferedImage> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(renderer.render(poses.get(i % poses.size()), random));
    }
    return out;
  }
}
