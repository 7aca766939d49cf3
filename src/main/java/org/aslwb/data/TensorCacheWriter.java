package org.aslwb.data;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes one {@link TensorCache} file while a data set is decoded: every image goes to its fixed
 * slot as soon as it is ready (from any thread, in any order), so the decoded set never has to sit
 * on the heap. {@link #commit()} appends the reasons, checksums the payload, writes the header and
 * renames the temporary file into place; {@link #close()} without a commit deletes it.
 */
final class TensorCacheWriter implements AutoCloseable {
  private final Path folder;
  private final long folderLimit;
  private final Path target;
  private final Path tmp;
  private final FileChannel channel;
  private final int bytesPerImage;
  private final String[] reasons;
  private final boolean[] written;
  private boolean committed;

  TensorCacheWriter(Path folder, Path target, int count, int bytesPerImage, long folderLimit)
      throws IOException {
    this.folder = folder;
    this.folderLimit = folderLimit;
    this.target = target;
    this.bytesPerImage = bytesPerImage;
    this.reasons = new String[count];
    this.written = new boolean[count];
    this.tmp = Files.createTempFile(folder, "cache", ".tmp");
    try (RandomAccessFile file = new RandomAccessFile(tmp.toFile(), "rw")) {
      // sparse until written: unreadable entries' slots read back as zeros
      file.setLength(TensorCache.pixelsOffset(count) + (long) count * bytesPerImage);
    }
    this.channel = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  /** Writes entry {@code i}: its pixels into its slot, or its reason for later. Thread-safe. */
  void put(int i, TensorCache.Entry entry) throws IOException {
    if (entry.pixels() != null) {
      if (entry.pixels().length != bytesPerImage) {
        throw new IllegalArgumentException("entry of the wrong size");
      }
      write(
          ByteBuffer.wrap(entry.pixels()),
          TensorCache.pixelsOffset(reasons.length) + (long) i * bytesPerImage);
      write(ByteBuffer.wrap(new byte[] {1}), TensorCache.HEADER_BYTES + (long) i);
    } else {
      synchronized (reasons) {
        reasons[i] = entry.reason();
      }
      // the status byte stays 0
    }
    synchronized (written) {
      written[i] = true;
    }
  }

  private void write(ByteBuffer buffer, long position) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer, position + buffer.position());
    }
  }

  /**
   * Finishes the file and puts it in place.
   *
   * @return the file, as a look-up would find it (no second verification: it was just written)
   * @throws IllegalStateException when some entry was never written
   */
  CachedTensors commit() throws IOException {
    int count = reasons.length;
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(tail))) {
      synchronized (written) {
        for (int i = 0; i < count; i++) {
          if (!written[i]) {
            throw new IllegalStateException("entry " + i + " of " + count + " was never written");
          }
        }
      }
      synchronized (reasons) {
        for (String reason : reasons) {
          if (reason != null) {
            out.writeUTF(reason);
          }
        }
      }
    }
    long end = TensorCache.pixelsOffset(count) + (long) count * bytesPerImage;
    write(ByteBuffer.wrap(tail.toByteArray()), end);
    long length = end + tail.size();
    int crc = TensorCache.checksum(channel, length);
    ByteBuffer header = ByteBuffer.allocate(TensorCache.HEADER_BYTES);
    header.putInt(TensorCache.MAGIC).putInt(TensorCache.FORMAT).putInt(count).putInt(bytesPerImage);
    header.putLong(length - TensorCache.HEADER_BYTES).putInt(crc).flip();
    write(header, 0);
    channel.close();
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    committed = true;
    try {
      TensorCachePruner.prune(folder, target, folderLimit);
    } catch (IOException e) {
      // the new file is in place; older ones stay until the next write
    }
    return new CachedTensors(
        target, TensorCache.pixelsOffset(count), bytesPerImage, reasons.clone());
  }

  /** Deletes the temporary file unless it was committed. */
  @Override
  public void close() {
    try {
      channel.close();
      if (!committed) {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      // a stray temporary file in the cache folder is harmless
    }
  }
}
