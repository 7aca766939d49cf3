package org.aslwb.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A tensor cache file whose checksum and layout have been verified: which entries are usable, the
 * reasons of the others, and where the fixed-size pixel block starts. The pixels are read onto the
 * heap ({@link #readAll()}) or memory-mapped ({@link #map()}), as the memory budget decides.
 */
final class CachedTensors {
  private final Path file;
  private final long pixelsOffset;
  private final int bytesPerImage;
  private final String[] reasons;

  /**
   * @param reasons one per entry: null for a usable image, the reason for an unreadable file
   */
  CachedTensors(Path file, long pixelsOffset, int bytesPerImage, String[] reasons) {
    this.file = file;
    this.pixelsOffset = pixelsOffset;
    this.bytesPerImage = bytesPerImage;
    this.reasons = reasons;
  }

  /** Number of entries (usable or not). */
  int count() {
    return reasons.length;
  }

  /** Why entry {@code i} is unusable, or null when it holds an image. */
  String reason(int i) {
    return reasons[i];
  }

  /** Bytes of the usable images. */
  long usableBytes() {
    long usable = 0;
    for (String r : reasons) {
      usable += r == null ? 1 : 0;
    }
    return usable * bytesPerImage;
  }

  /** Every entry's pixels on the heap (null for unreadable entries). */
  List<byte[]> readAll() throws IOException {
    List<byte[]> all = new ArrayList<>(reasons.length);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(Math.max(bytesPerImage, 1 << 20));
      long position = pixelsOffset;
      int i = 0;
      while (i < reasons.length) {
        int images = Math.min(reasons.length - i, buffer.capacity() / bytesPerImage);
        buffer.clear().limit(images * bytesPerImage);
        while (buffer.hasRemaining()) {
          if (channel.read(buffer, position + buffer.position()) < 0) {
            throw new IOException(file + " ended inside its pixels");
          }
        }
        buffer.flip();
        for (int k = 0; k < images; k++, i++) {
          byte[] pixels = new byte[bytesPerImage];
          buffer.get(pixels);
          all.add(reasons[i] == null ? pixels : null);
        }
        position += (long) images * bytesPerImage;
      }
    }
    return all;
  }

  /** The pixel block memory-mapped; entry {@code i} is slot {@code i}. */
  MappedPixels map() throws IOException {
    return MappedPixels.map(file, pixelsOffset, reasons.length, bytesPerImage);
  }
}
