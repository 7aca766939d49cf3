package org.aslwb.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image files (JPEG, PNG, BMP, GIF; grayscale, alpha, 16-bit and CMYK JPEG through
 * TwelveMonkeys) into 8-bit RGB, refusing anything unusable with a reason.
 *
 * <p>The size is read from the header and checked against a pixel budget <em>before</em> the pixels
 * are decoded, so a decompression bomb costs nothing. A truncated file that the codec would
 * silently pad with grey is refused as well: training on half an image is worse than skipping it.
 */
public final class ImageDecoder {
  /** 40 megapixels: far above any photo a classifier needs, far below what exhausts the heap. */
  public static final long DEFAULT_PIXEL_BUDGET = 40_000_000L;

  /** Smaller images carry no usable signal (a 1x1 "image" is a common corrupt export). */
  public static final int MIN_SIDE = 8;

  private final long pixelBudget;

  /** A decoder with the default pixel budget. */
  public ImageDecoder() {
    this(DEFAULT_PIXEL_BUDGET);
  }

  /** A decoder that refuses images with more than {@code pixelBudget} pixels. */
  public ImageDecoder(long pixelBudget) {
    this.pixelBudget = pixelBudget;
  }

  /**
   * Decodes a file to an opaque RGB image ({@link BufferedImage#TYPE_INT_RGB}); transparent pixels
   * are composed over white.
   *
   * @throws UnreadableImageException with a reason when the file cannot be used
   */
  public BufferedImage decode(Path file) throws UnreadableImageException {
    checkFile(file);
    return decodeGeneral(file);
  }

  /**
   * Decodes a file that will be resized down to {@code width x height}: a plain JPEG is decoded at
   * 1/2, 1/4 or 1/8 of its size (libjpeg's DCT scaling) where both sides stay at least that large,
   * which is several times faster and differs from resizing the full decode by about one grey level
   * on average; every other file is decoded as {@link #decode} does. The pixels come packed, since
   * everything that asks for a size goes on to resize them.
   *
   * @throws UnreadableImageException with a reason when the file cannot be used
   */
  public PackedRgb decodeAtLeast(Path file, int width, int height) throws UnreadableImageException {
    long length = checkFile(file);
    if (ScaledJpegDecoder.available() && length < Integer.MAX_VALUE) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UnreadableImageException(file, "cannot read file (" + e.getMessage() + ")", e);
      }
      int[] size = ScaledJpegDecoder.size(bytes);
      if (size != null) {
        checkSize(file, size[0], size[1]);
        PackedRgb scaled =
            ScaledJpegDecoder.decode(
                bytes, ScaledJpegDecoder.reduction(size[0], size[1], width, height));
        if (scaled != null) {
          return scaled;
        }
      }
    }
    return PackedRgb.of(decodeGeneral(file));
  }

  /**
   * Loads the native JPEG reader now rather than with the first photo, and says which reads plain
   * JPEGs: {@code "libjpeg-turbo"}, or {@code "imageio"} where no native build exists for this
   * platform.
   */
  public static String jpegReader() {
    return ScaledJpegDecoder.available() ? "libjpeg-turbo" : "imageio";
  }

  /** Refuses what is not a readable, non-empty file; returns its length. */
  private static long checkFile(Path file) throws UnreadableImageException {
    String problem = PathProblem.ofFile(file).orElse(null);
    if (problem != null) {
      throw new UnreadableImageException(file, problem);
    }
    long length;
    try {
      length = Files.size(file);
    } catch (IOException e) {
      throw new UnreadableImageException(file, "cannot read file (" + e.getMessage() + ")", e);
    }
    if (length == 0) {
      throw new UnreadableImageException(file, "empty file");
    }
    return length;
  }

  private BufferedImage decodeGeneral(Path file) throws UnreadableImageException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new UnreadableImageException(file, "cannot open file");
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new UnreadableImageException(file, "not an image (unknown format)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return readChecked(file, reader);
      } finally {
        reader.dispose();
      }
    } catch (UnreadableImageException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new UnreadableImageException(
          file, "corrupt or truncated image (" + describe(e) + ")", e);
    }
  }

  private BufferedImage readChecked(Path file, ImageReader reader)
      throws IOException, UnreadableImageException {
    checkSize(file, reader.getWidth(0), reader.getHeight(0));
    TruncationWatch watch = new TruncationWatch();
    reader.addIIOReadWarningListener(watch);
    BufferedImage decoded = reader.read(0);
    if (watch.warning != null) {
      throw new UnreadableImageException(
          file, "corrupt or truncated image (" + watch.warning + ")");
    }
    return toRgb(decoded);
  }

  /** Refuses sizes over the pixel budget (before any pixel is decoded) and under the minimum. */
  private void checkSize(Path file, int width, int height) throws UnreadableImageException {
    if ((long) width * height > pixelBudget) {
      throw new UnreadableImageException(
          file,
          String.format(
              Locale.ROOT,
              "too large: %dx%d is over the budget of %.0f megapixels",
              width,
              height,
              pixelBudget / 1e6));
    }
    if (width < MIN_SIDE || height < MIN_SIDE) {
      throw new UnreadableImageException(
          file,
          "too small: " + width + "x" + height + " (at least " + MIN_SIDE + "x" + MIN_SIDE + ")");
    }
  }

  /** Converts any colour model (gray, 16-bit, alpha, indexed) to 8-bit RGB over white. */
  static BufferedImage toRgb(BufferedImage source) {
    if (source.getType() == BufferedImage.TYPE_INT_RGB) {
      return source;
    }
    BufferedImage rgb =
        new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    try {
      g.drawImage(source, 0, 0, Color.WHITE, null);
    } finally {
      g.dispose();
    }
    return rgb;
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /**
   * Codecs report premature ends of data as warnings and pad the image; we refuse instead. A note
   * about colour management is no damage: a CMYK JPEG without an embedded ICC profile (an Adobe
   * APP14 marker only) is converted with TwelveMonkeys' default CMYK colour space, as Photoshop and
   * browsers do.
   */
  private static final class TruncationWatch implements javax.imageio.event.IIOReadWarningListener {
    private String warning;

    @Override
    public void warningOccurred(ImageReader source, String message) {
      if (warning == null && !isColourNote(message)) {
        warning = message;
      }
    }

    static boolean isColourNote(String message) {
      String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
      return m.contains("icc") || m.contains("color profile") || m.contains("colour profile");
    }
  }
}
