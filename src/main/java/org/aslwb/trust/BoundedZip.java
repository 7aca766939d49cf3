package org.aslwb.trust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a zip archive from an untrusted file: only the entry names it is told to expect, each
 * unpacked to at most its own limit, and all of them together to at most a fixed multiple of the
 * archive's packed size (a zip bomb unpacks to thousands of times its size; model weights, the
 * largest thing we store, barely compress at all).
 */
public final class BoundedZip {
  /** Unpacked bytes allowed beyond {@code maxRatio x packed size}, for tiny archives. */
  private static final long SLACK_BYTES = 1 << 20;

  private final Map<String, Long> limits;
  private final double maxRatio;

  /**
   * @param limits every entry name the archive may hold, with the most bytes it may unpack to
   * @param maxRatio the largest unpacked/packed size ratio accepted for the whole archive
   */
  public BoundedZip(Map<String, Long> limits, double maxRatio) {
    this.limits = Map.copyOf(limits);
    this.maxRatio = maxRatio;
  }

  /**
   * Reads the archive, keeping the bytes of the entries in {@code wanted} and checking the others
   * without keeping them.
   *
   * @param in the archive
   * @param packedSize the archive's size in bytes
   * @param wanted the entries whose bytes to return
   * @return the wanted entries that were present, by name
   * @throws NotAZipException when the stream holds no zip entry at all
   * @throws UntrustedInputException when an entry is not expected, repeated or too large
   * @throws IOException when the archive is damaged or cannot be read
   */
  public Map<String, byte[]> read(InputStream in, long packedSize, Set<String> wanted)
      throws IOException {
    long budget = (long) Math.min(Long.MAX_VALUE / 2.0, maxRatio * packedSize) + SLACK_BYTES;
    Map<String, byte[]> entries = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    long total = 0;
    ZipInputStream zip = new ZipInputStream(in);
    ZipEntry entry = zip.getNextEntry();
    if (entry == null) {
      throw new NotAZipException();
    }
    for (; entry != null; entry = zip.getNextEntry()) {
      String name = entry.getName();
      Long limit = limits.get(name);
      if (limit == null) {
        throw new UntrustedInputException(
            "unexpected entry '"
                + printable(name)
                + "' (a model file holds only "
                + String.join(", ", new TreeSet<>(limits.keySet()))
                + ")");
      }
      if (!seen.add(name)) {
        throw new UntrustedInputException("entry '" + name + "' appears twice");
      }
      long allowed = Math.min(limit, budget - total);
      boolean keep = wanted.contains(name);
      ByteArrayOutputStream bytes = keep ? new ByteArrayOutputStream() : null;
      long size = copyAtMost(zip, keep ? bytes : OutputStream.nullOutputStream(), allowed);
      if (size > allowed) {
        throw new UntrustedInputException(
            size > limit
                ? "entry '" + name + "' unpacks to more than " + limit + " bytes"
                : "unpacks to more than " + (long) maxRatio + " times its size (a zip bomb?)");
      }
      total += size;
      if (keep) {
        entries.put(name, bytes.toByteArray());
      }
    }
    return entries;
  }

  /** The stream is not a zip archive (or an empty one). */
  public static final class NotAZipException extends java.util.zip.ZipException {
    private static final long serialVersionUID = 1L;

    NotAZipException() {
      super("not a zip archive");
    }
  }

  /** Copies up to {@code limit + 1} bytes, so that a caller sees when the limit was passed. */
  private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long copied = 0;
    int n;
    while (copied <= limit
        && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - copied))) > 0) {
      out.write(buffer, 0, n);
      copied += n;
    }
    return copied;
  }

  /** An entry name as text safe to print: control characters escaped, length bounded. */
  private static String printable(String name) {
    StringBuilder s = new StringBuilder();
    name.codePoints()
        .limit(200)
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                s.append(String.format("\\u%04x", c));
              } else {
                s.appendCodePoint(c);
              }
            });
    return name.length() > 200 ? s + "..." : s.toString();
  }
}
