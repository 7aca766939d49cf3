package org.aslwb.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The pixel block of a verified tensor cache file, memory-mapped read-only: images are read from
 * the page cache on demand, so a data set larger than the heap's share of the memory budget never
 * sits on the heap. The kernel keeps the pages it has room for and drops the rest.
 *
 * <p>Thread-safe: reads use absolute positions only. A mapping outlives its file's replacement (the
 * cache replaces files by renaming, never in place).
 */
final class MappedPixels {
  // one mapping is at most 2 GB (an int index); chunks of 1 GB hold whole images
  private static final long CHUNK_BYTES = 1L << 30;

  private final ByteBuffer[] chunks;
  private final int imagesPerChunk;
  private final int bytesPerImage;
  private final int count;

  private MappedPixels(ByteBuffer[] chunks, int imagesPerChunk, int bytesPerImage, int count) {
    this.chunks = chunks;
    this.imagesPerChunk = imagesPerChunk;
    this.bytesPerImage = bytesPerImage;
    this.count = count;
  }

  /** Maps {@code count} images of {@code bytesPerImage} starting at {@code offset} of the file. */
  static MappedPixels map(Path file, long offset, int count, int bytesPerImage) throws IOException {
    int perChunk = (int) Math.max(1, CHUNK_BYTES / bytesPerImage);
    int chunkCount = Math.max(1, (count + perChunk - 1) / perChunk);
    ByteBuffer[] chunks = new ByteBuffer[chunkCount];
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      for (int c = 0; c < chunkCount; c++) {
        long first = (long) c * perChunk;
        long images = Math.min(perChunk, count - first);
        chunks[c] =
            channel.map(
                FileChannel.MapMode.READ_ONLY,
                offset + first * bytesPerImage,
                Math.max(0, images) * bytesPerImage);
      }
    }
    return new MappedPixels(chunks, perChunk, bytesPerImage, count);
  }

  /** Copies image {@code slot}'s bytes into {@code destination}. */
  void read(int slot, byte[] destination) {
    if (slot < 0 || slot >= count) {
      throw new IndexOutOfBoundsException("image " + slot + " of " + count);
    }
    chunks[slot / imagesPerChunk].get((slot % imagesPerChunk) * bytesPerImage, destination);
  }

  /** Bytes per image. */
  int bytesPerImage() {
    return bytesPerImage;
  }
}
