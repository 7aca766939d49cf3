package org.aslwb.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * On-disk cache of decoded, resized data sets, keyed by a fingerprint of the files (path, size,
 * modification time) and the geometry. Any change to a file changes the key, so a stale entry is
 * never read. A damaged cache file is ignored and rewritten.
 */
public final class TensorCache {
  private static final int MAGIC = 0x41534C43; // "ASLC"

  private final Path folder;

  /** A cache in {@code folder}; {@code null} disables caching. */
  public TensorCache(Path folder) {
    this.folder = folder;
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

  /** The cached entries for these files at this geometry, or null when absent or damaged. */
  List<Entry> read(DatasetIndex index, Preprocessing geometry) {
    if (folder == null) {
      return null;
    }
    Path file = folder.resolve(fingerprint(index, geometry) + ".bin.gz");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (DataInputStream in =
        new DataInputStream(
            new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file))))) {
      if (in.readInt() != MAGIC) {
        return null;
      }
      int n = in.readInt();
      if (n != index.files().size()) {
        return null;
      }
      List<Entry> entries = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        if (in.readBoolean()) {
          byte[] pixels = new byte[in.readInt()];
          in.readFully(pixels);
          entries.add(new Entry(pixels, null));
        } else {
          entries.add(new Entry(null, in.readUTF()));
        }
      }
      return entries;
    } catch (IOException e) {
      return null;
    }
  }

  /** Stores entries; a failure to write (full disk, read-only home) only costs the cache. */
  void write(DatasetIndex index, Preprocessing geometry, List<Entry> entries) {
    if (folder == null) {
      return;
    }
    try {
      Files.createDirectories(folder);
      Path file = folder.resolve(fingerprint(index, geometry) + ".bin.gz");
      Path tmp = Files.createTempFile(folder, "cache", ".tmp");
      try (DataOutputStream out =
          new DataOutputStream(
              new BufferedOutputStream(
                  new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)))) {
        out.writeInt(MAGIC);
        out.writeInt(entries.size());
        for (Entry e : entries) {
          out.writeBoolean(e.pixels() != null);
          if (e.pixels() != null) {
            out.writeInt(e.pixels().length);
            out.write(e.pixels());
          } else {
            out.writeUTF(e.reason());
          }
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // caching is an optimisation
    }
  }

  /**
   * A fingerprint of the files (paths, sizes, modification times) and the geometry: the same for
   * the same data, different as soon as any file changes. Models record it as the data they saw.
   */
  public static String fingerprint(DatasetIndex index, Preprocessing geometry) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
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
