package org.aslwb.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * On-disk cache of decoded, resized data sets, keyed by a fingerprint of the files (path, size,
 * modification time), the geometry and the version of the decoding and resizing code. Any change to
 * a file or to that code changes the key, so a stale entry is never read.
 *
 * <p>Every file carries a CRC-32C of its payload in its header and is verified in full before a
 * byte of it is used: a file damaged anywhere (one flipped bit in the middle as much as a cut-off
 * end) is reported and rebuilt, never trained on. The header's counts are checked against the data
 * set and the file's length before anything is allocated.
 */
public final class TensorCache {
  /**
   * The version of the code that turns a file into cached pixels: bump it whenever {@link
   * ImageDecoder} or {@link Resampler} changes what they produce (2: CMYK JPEGs without an ICC
   * profile decode instead of being refused).
   */
  static final String PIXEL_PIPELINE_VERSION = "decoder 2, resampler 1";

  private static final int MAGIC = 0x41534C43; // "ASLC"
  private static final int FORMAT = 2;
  // magic, format, entries, bytes per image, payload length, CRC-32C of the payload
  private static final int HEADER_BYTES = 4 + 4 + 4 + 4 + 8 + 4;

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

  /** The user's cache ({@code $ASLWB_CACHE} or {@code ~/.cache/aslwb}). */
  public static TensorCache userDefault() {
    String env = System.getenv("ASLWB_CACHE");
    Path dir =
        env != null && !env.isBlank()
            ? Path.of(env)
            : Path.of(System.getProperty("user.home"), ".cache", "aslwb", "tensors");
    return new TensorCache(dir);
  }

  /** A cache that stores nothing. */
  public static TensorCache disabled() {
    return new TensorCache(null);
  }

  /** One file's cached result: pixels, or the reason it was unreadable. */
  public record Entry(byte[] pixels, String reason) {}

  /**
   * What a look-up found.
   *
   * @param entries the cached entries, or null when there are none to use
   * @param damage why a cache file that was there could not be used (null when none was there or it
   *     was sound)
   */
  record Lookup(List<Entry> entries, String damage) {
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
      while (header.hasRemaining() && channel.read(header) >= 0) {
        // read the whole header
      }
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
      if (checksum(channel) != crc) {
        return Lookup.damaged(file, "checksum mismatch");
      }
      channel.position(HEADER_BYTES);
      return new Lookup(readEntries(Channels.newInputStream(channel), count, bytesPerImage), null);
    } catch (IOException | RuntimeException e) {
      return Lookup.damaged(file, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private static int checksum(FileChannel channel) throws IOException {
    CRC32C crc = new CRC32C();
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    channel.position(HEADER_BYTES);
    while (channel.read(buffer) >= 0) {
      buffer.flip();
      crc.update(buffer);
      buffer.clear();
    }
    return (int) crc.getValue();
  }

  private static List<Entry> readEntries(InputStream raw, int count, int bytesPerImage)
      throws IOException {
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16)));
    List<Entry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (in.readBoolean()) {
        byte[] pixels = new byte[bytesPerImage];
        in.readFully(pixels);
        entries.add(new Entry(pixels, null));
      } else {
        entries.add(new Entry(null, in.readUTF()));
      }
    }
    return entries;
  }

  /** Stores entries; a failure to write (full disk, read-only home) only costs the cache. */
  void write(DatasetIndex index, Preprocessing geometry, List<Entry> entries) {
    if (folder == null) {
      return;
    }
    int bytesPerImage = geometry.width() * geometry.height() * geometry.channels();
    Path tmp = null;
    try {
      Files.createDirectories(folder);
      tmp = Files.createTempFile(folder, "cache", ".tmp");
      CRC32C crc = new CRC32C();
      long payloadLength;
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        channel.position(HEADER_BYTES);
        CountingCheckedStream payload =
            new CountingCheckedStream(Channels.newOutputStream(channel), crc);
        DataOutputStream out =
            new DataOutputStream(
                new BufferedOutputStream(new GZIPOutputStream(payload, 1 << 16), 1 << 16));
        for (Entry e : entries) {
          out.writeBoolean(e.pixels() != null);
          if (e.pixels() != null) {
            if (e.pixels().length != bytesPerImage) {
              throw new IllegalArgumentException("entry of the wrong size");
            }
            out.write(e.pixels());
          } else {
            out.writeUTF(e.reason());
          }
        }
        out.flush();
        out.close(); // finishes the gzip stream; the channel closes with it
        payloadLength = payload.count;
      }
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
      header.putInt(MAGIC).putInt(FORMAT).putInt(entries.size()).putInt(bytesPerImage);
      header.putLong(payloadLength).putInt((int) crc.getValue()).flip();
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        while (header.hasRemaining()) {
          channel.write(header, header.position());
        }
      }
      Files.move(
          tmp,
          file(index, geometry),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // caching is an optimisation
      deleteQuietly(tmp);
    }
  }

  private Path file(DatasetIndex index, Preprocessing geometry) {
    return folder.resolve(fingerprint(index, geometry, pipelineVersion) + ".bin");
  }

  private static void deleteQuietly(Path tmp) {
    if (tmp != null) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // a stray temporary file in the cache folder is harmless
      }
    }
  }

  /** Counts and checksums the bytes on their way to the file. */
  private static final class CountingCheckedStream extends FilterOutputStream {
    private final CRC32C crc;
    private long count;

    CountingCheckedStream(OutputStream out, CRC32C crc) {
      super(out);
      this.crc = crc;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      crc.update(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      crc.update(b, off, len);
      count += len;
    }
  }

  /**
   * A fingerprint of the files (paths, sizes, modification times) and the geometry: the same for
   * the same data, different as soon as any file changes, and different for another version of the
   * decoding and resizing code.
   */
  static String fingerprint(DatasetIndex index, Preprocessing geometry, String pipelineVersion) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((pipelineVersion + "\n").getBytes(StandardCharsets.UTF_8));
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
