package org.aslwb.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * On-disk cache of decoded, resized data sets, keyed by a fingerprint of the files (path, size,
 * modification time), the geometry and the version of the decoding and resizing code. Any change to
 * a file or to that code changes the key, so a stale entry is never read.
 *
 * <p>Layout (format 3): a header (magic, format, entries, bytes per image, payload length, CRC-32C
 * of the payload), then the payload: one status byte per entry, the 8-bit pixels of every entry at
 * a fixed stride (zeros for unreadable files), then the reasons of the unreadable files. The fixed
 * stride lets the decoder write images as they come and lets a data set larger than the memory
 * budget be memory-mapped instead of read onto the heap.
 *
 * <p>Every file's CRC-32C is verified in full before a byte of it is used: a file damaged anywhere
 * (one flipped bit in the middle as much as a cut-off end) is reported and rebuilt, never trained
 * on. The header's counts are checked against the data set and the file's length before anything is
 * allocated.
 */
public final class TensorCache {
  /**
   * The version of the code that turns a file into cached pixels: bump it whenever {@link
   * ImageDecoder} or {@link Resampler} changes what they produce (2: CMYK JPEGs without an ICC
   * profile decode instead of being refused).
   */
  static final String PIXEL_PIPELINE_VERSION = "decoder 2, resampler 1";

  static final int MAGIC = 0x41534C43; // "ASLC"

  /** 3: uncompressed, fixed stride, so that it can be memory-mapped (2 was gzip-compressed). */
  static final int FORMAT = 3;

  // magic, format, entries, bytes per image, payload length, CRC-32C of the payload
  static final int HEADER_BYTES = 4 + 4 + 4 + 4 + 8 + 4;

  private final Path folder;
  private final String pipelineVersion;

  /** A cache in {@code folder}; {@code null} disables caching. */
  public TensorCache(Path folder) {
    this(folder, PIXEL_PIPELINE_VERSION);
  }

  /** A cache for another version of the pixel pipeline (tests show that versions never mix). */
  TensorCache(Path folder, String pipelineVersion) {
    this.folder = folder;
    this.pipelineVersion = pipelineVersion;
  }

  /** The user's cache ({@code $ASLWB_CACHE} or {@code ~/.cache/aslwb/tensors}). */
  public static TensorCache userDefault() {
    return new TensorCache(userFolder());
  }

  /** The user's cache folder ({@code $ASLWB_CACHE} or {@code ~/.cache/aslwb/tensors}). */
  public static Path userFolder() {
    String env = System.getenv("ASLWB_CACHE");
    return env != null && !env.isBlank()
        ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".cache", "aslwb", "tensors");
  }

  /** A cache that stores nothing. */
  public static TensorCache disabled() {
    return new TensorCache(null);
  }

  /** Whether this cache stores files. */
  boolean enabled() {
    return folder != null;
  }

  /** One file's decoded result: pixels, or the reason it was unreadable. */
  record Entry(byte[] pixels, String reason) {}

  /**
   * What a look-up found.
   *
   * @param tensors the verified cache file, or null when there is none to use
   * @param damage why a cache file that was there could not be used (null when none was there or it
   *     was sound)
   */
  record Lookup(CachedTensors tensors, String damage) {
    static final Lookup MISS = new Lookup(null, null);

    static Lookup damaged(Path file, String why) {
      return new Lookup(null, "tensor cache file " + file + " is damaged (" + why + ")");
    }
  }

  /** The cached entries for these files at this geometry, after verifying the whole file. */
  Lookup read(DatasetIndex index, Preprocessing geometry) {
    if (folder == null) {
      return Lookup.MISS;
    }
    Path file = file(index, geometry);
    if (!Files.isRegularFile(file)) {
      return Lookup.MISS;
    }
    int bytesPerImage = geometry.width() * geometry.height() * geometry.channels();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long length = channel.size();
      if (length < HEADER_BYTES) {
        return Lookup.damaged(file, "shorter than its header");
      }
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
      readFully(channel, header, 0);
      header.flip();
      if (header.getInt() != MAGIC || header.getInt() != FORMAT) {
        return Lookup.damaged(file, "not a tensor cache file of this version");
      }
      int count = header.getInt();
      int storedBytesPerImage = header.getInt();
      long payloadLength = header.getLong();
      int crc = header.getInt();
      if (count != index.files().size() || storedBytesPerImage != bytesPerImage) {
        return Lookup.damaged(file, "its header does not match the data set");
      }
      if (payloadLength != length - HEADER_BYTES) {
        return Lookup.damaged(
            file, "payload of " + (length - HEADER_BYTES) + " bytes, header says " + payloadLength);
      }
      long fixed = count + (long) count * bytesPerImage;
      if (payloadLength < fixed) {
        return Lookup.damaged(file, "shorter than " + count + " images");
      }
      if (checksum(channel, length) != crc) {
        return Lookup.damaged(file, "checksum mismatch");
      }
      String[] reasons = readReasons(channel, count, HEADER_BYTES + fixed);
      TensorCachePruner.touch(file); // the pruner deletes the least recently used files first
      return new Lookup(new CachedTensors(file, pixelsOffset(count), bytesPerImage, reasons), null);
    } catch (IOException | RuntimeException e) {
      return Lookup.damaged(file, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  /** Where the pixels of a file with {@code count} entries start. */
  static long pixelsOffset(int count) {
    return HEADER_BYTES + (long) count;
  }

  static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("unexpected end of file");
      }
    }
  }

  /** The CRC-32C of everything after the header. */
  static int checksum(FileChannel channel, long length) throws IOException {
    CRC32C crc = new CRC32C();
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    long position = HEADER_BYTES;
    while (position < length) {
      buffer.clear();
      int n = channel.read(buffer, position);
      if (n < 0) {
        break;
      }
      buffer.flip();
      crc.update(buffer);
      position += n;
    }
    return (int) crc.getValue();
  }

  private static String[] readReasons(FileChannel channel, int count, long reasonsAt)
      throws IOException {
    ByteBuffer status = ByteBuffer.allocate(count);
    readFully(channel, status, HEADER_BYTES);
    String[] reasons = new String[count];
    channel.position(reasonsAt);
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
    for (int i = 0; i < count; i++) {
      byte s = status.get(i);
      if (s == 0) {
        reasons[i] = in.readUTF();
      } else if (s != 1) {
        throw new IOException("entry " + i + " has status " + s);
      }
    }
    if (in.read() >= 0) {
      throw new IOException("bytes after the last reason");
    }
    return reasons;
  }

  /**
   * A writer for these files at this geometry, or null when the cache is disabled. Images go in as
   * they are decoded, in any order; {@link TensorCacheWriter#commit()} makes the file visible.
   */
  TensorCacheWriter writer(DatasetIndex index, Preprocessing geometry) throws IOException {
    if (folder == null) {
      return null;
    }
    Files.createDirectories(folder);
    return new TensorCacheWriter(
        folder,
        file(index, geometry),
        index.files().size(),
        geometry.width() * geometry.height() * geometry.channels(),
        TensorCachePruner.configuredLimit());
  }

  private Path file(DatasetIndex index, Preprocessing geometry) {
    return folder.resolve(fingerprint(index, geometry, pipelineVersion) + ".bin");
  }

  /**
   * A fingerprint of the files (paths, sizes, modification times) and the geometry: the same for
   * the same data, different as soon as any file changes, and different for another version of the
   * decoding and resizing code.
   */
  static String fingerprint(DatasetIndex index, Preprocessing geometry, String pipelineVersion) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      // the format is in the key too: builds of another format never read or replace these files
      sha.update(
          ("format " + FORMAT + "\n" + pipelineVersion + "\n").getBytes(StandardCharsets.UTF_8));
      sha.update(
          (geometry.width() + "x" + geometry.height() + "x" + geometry.channels())
              .getBytes(StandardCharsets.UTF_8));
      for (LabeledFile f : index.files()) {
        sha.update(f.file().toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) f.label());
        sha.update(Long.toString(Files.size(f.file())).getBytes(StandardCharsets.UTF_8));
        sha.update(
            Long.toString(Files.getLastModifiedTime(f.file()).toMillis())
                .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
