package org.aslwb.data;

import java.nio.charset.StandardCharsets;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.leptonica.PIX;
import org.bytedeco.leptonica.global.lept;

/**
 * Decodes plain JPEG photos through libjpeg-turbo with DCT scaling: a 200x200 photo meant for a
 * 64x64 model is decoded straight to 100x100, skipping most of the inverse DCT and colour work.
 *
 * <p>libjpeg-turbo comes with Leptonica's native build, which JavaCPP already ships beside DataVec;
 * Leptonica's reader counts libjpeg's warnings, so a truncated or corrupt file is refused here as
 * the ImageIO path refuses it (OpenCV's {@code imread} with {@code IMREAD_REDUCED_COLOR_2} scales
 * the same way but pads a damaged file silently). Anything this class does not handle exactly as
 * ImageIO does — CMYK, an embedded ICC profile, a file that does not end with the JPEG end marker,
 * a warning — returns {@code null} and goes to {@link ImageDecoder}'s general path, which also
 * words the reason for a refusal.
 */
final class ScaledJpegDecoder {
  private static final boolean AVAILABLE = load();

  private ScaledJpegDecoder() {}

  /** Whether the native reader loaded on this platform. */
  static boolean available() {
    return AVAILABLE;
  }

  /** Whether the bytes start like a JPEG file (SOI marker followed by another marker). */
  static boolean isJpeg(byte[] b) {
    return b.length > 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
  }

  /**
   * The width and height in the header, or null when this class should not decode the file (not a
   * plain 3- or 1-channel JPEG, or an ICC profile that ImageIO would apply).
   */
  static int[] size(byte[] bytes) {
    if (!AVAILABLE || !isJpeg(bytes) || !endsWithEoi(bytes) || hasIccProfile(bytes)) {
      return null;
    }
    int[] w = new int[1];
    int[] h = new int[1];
    int[] spp = new int[1];
    int[] ycck = new int[1];
    int[] cmyk = new int[1];
    if (lept.readHeaderMemJpeg(bytes, bytes.length, w, h, spp, ycck, cmyk) != 0
        || cmyk[0] != 0
        || ycck[0] != 0
        || (spp[0] != 3 && spp[0] != 1)) {
      return null;
    }
    return new int[] {w[0], h[0]};
  }

  /**
   * The largest libjpeg reduction (1, 2, 4 or 8) that keeps both sides at least {@code minWidth x
   * minHeight}: the image will only be scaled down from there.
   */
  static int reduction(int width, int height, int minWidth, int minHeight) {
    int r = 1;
    while (r < 8 && ceilDiv(width, r * 2) >= minWidth && ceilDiv(height, r * 2) >= minHeight) {
      r *= 2;
    }
    return r;
  }

  /**
   * Decodes at 1/{@code reduction} of the size, as opaque RGB pixels; null on any libjpeg warning
   * or error (the caller then decodes the file the general way).
   */
  static PackedRgb decode(byte[] bytes, int reduction) {
    int[] warnings = new int[1];
    PIX pix = lept.pixReadMemJpeg(bytes, bytes.length, 0, reduction, warnings, 0);
    if (pix == null) {
      return null;
    }
    try {
      int depth = lept.pixGetDepth(pix);
      if (warnings[0] != 0 || (depth != 32 && depth != 8)) {
        return null;
      }
      int width = lept.pixGetWidth(pix);
      int height = lept.pixGetHeight(pix);
      int wpl = lept.pixGetWpl(pix);
      int[] words = new int[wpl * height];
      IntPointer data = lept.pixGetData(pix);
      data.capacity(words.length).get(words);
      int[] rgb = depth == 32 ? fromRgba(words, width, wpl) : fromGray(words, width, height, wpl);
      return rgb == null ? null : new PackedRgb(rgb, width, height);
    } finally {
      lept.pixDestroy(pix);
    }
  }

  /**
   * Leptonica keeps 32-bit pixels as 0xRRGGBBAA words, one row after another without padding (a row
   * of 32-bit pixels fills whole words), so they are shifted in place; null, for the general path,
   * should a build ever pad them.
   */
  private static int[] fromRgba(int[] words, int width, int wpl) {
    if (wpl != width) {
      return null;
    }
    for (int i = 0; i < words.length; i++) {
      words[i] >>>= 8;
    }
    return words;
  }

  /** 8-bit pixels, four to a word, the first in the most significant byte. */
  private static int[] fromGray(int[] words, int width, int height, int wpl) {
    int[] rgb = new int[width * height];
    for (int y = 0; y < height; y++) {
      int row = y * wpl;
      int out = y * width;
      for (int x = 0; x < width; x++) {
        int g = (words[row + (x >> 2)] >>> ((3 - (x & 3)) * 8)) & 0xFF;
        rgb[out + x] = g << 16 | g << 8 | g;
      }
    }
    return rgb;
  }

  /** A complete file ends with the EOI marker (some writers pad a few zero bytes after it). */
  private static boolean endsWithEoi(byte[] b) {
    int end = b.length;
    while (end > 2 && b.length - end < 16 && b[end - 1] == 0) {
      end--;
    }
    return end >= 2 && (b[end - 2] & 0xFF) == 0xFF && (b[end - 1] & 0xFF) == 0xD9;
  }

  /** Whether an APP2 ICC_PROFILE segment precedes the image data. */
  private static boolean hasIccProfile(byte[] b) {
    byte[] tag = "ICC_PROFILE".getBytes(StandardCharsets.US_ASCII);
    int i = 2;
    while (i + 4 <= b.length && (b[i] & 0xFF) == 0xFF) {
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xDA || marker == 0xD9) {
        return false; // start of scan: no more header segments
      }
      int length = (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
      if (marker == 0xE2 && matches(b, i + 4, tag)) {
        return true;
      }
      i += 2 + length;
    }
    return false;
  }

  private static boolean matches(byte[] b, int at, byte[] tag) {
    if (at + tag.length > b.length) {
      return false;
    }
    for (int k = 0; k < tag.length; k++) {
      if (b[at + k] != tag[k]) {
        return false;
      }
    }
    return true;
  }

  private static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private static boolean load() {
    try {
      lept.setMsgSeverity(lept.L_SEVERITY_NONE);
      return true;
    } catch (LinkageError | RuntimeException e) {
      // no native build for this platform: every file takes the ImageIO path
      return false;
    }
  }
}
