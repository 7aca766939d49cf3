package org.aslwb.data;

import java.nio.file.Path;

/**
 * A decoded, resized image kept compactly as 8-bit values (CHW), with its file and label.
 *
 * <p>Bytes rather than floats: the full Kaggle set (87,000 images at 64x64x3) is 1 GB this way and
 * 4 GB as floats. The bytes are on the heap, or, for a data set larger than the memory budget's
 * share, in a memory-mapped tensor cache file ({@link MappedPixels}) and read when asked for.
 */
public final class Sample {
  private final Path file;
  private final int label;
  private final byte[] heap;
  private final MappedPixels mapped;
  private final int slot;

  /**
   * A sample held on the heap.
   *
   * @param file where it came from
   * @param label class index
   * @param pixels {@code channels * height * width} values, 0..255
   */
  public Sample(Path file, int label, byte[] pixels) {
    this(file, label, pixels, null, -1);
  }

  private Sample(Path file, int label, byte[] heap, MappedPixels mapped, int slot) {
    this.file = file;
    this.label = label;
    this.heap = heap;
    this.mapped = mapped;
    this.slot = slot;
  }

  /** A sample whose pixels stay in slot {@code slot} of a memory-mapped cache file. */
  static Sample mapped(Path file, int label, MappedPixels pixels, int slot) {
    return new Sample(file, label, null, pixels, slot);
  }

  /** Where it came from. */
  public Path file() {
    return file;
  }

  /** Class index. */
  public int label() {
    return label;
  }

  /**
   * The {@code channels * height * width} values, 0..255: the array itself for a sample on the heap
   * (do not change it), a fresh copy read from the mapping otherwise.
   */
  public byte[] pixels() {
    if (heap != null) {
      return heap;
    }
    byte[] copy = new byte[mapped.bytesPerImage()];
    mapped.read(slot, copy);
    return copy;
  }

  /** Whether the pixels are held on the heap (false: read from a memory-mapped file). */
  public boolean onHeap() {
    return heap != null;
  }

  /** The same image and file with another label (the pixels stay where they are). */
  public Sample withLabel(int newLabel) {
    return new Sample(file, newLabel, heap, mapped, slot);
  }

  /** Converts to floats on the [0,1] scale. */
  public PixelImage toImage(int width, int height, int channels) {
    byte[] pixels = pixels();
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
      out[i] = (byte) Levels.of(d[i]);
    }
    return out;
  }

  @Override
  public String toString() {
    return "Sample[" + file + ", label " + label + (onHeap() ? "" : ", mapped") + "]";
  }
}
