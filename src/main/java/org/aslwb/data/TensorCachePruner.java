package org.aslwb.data;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.aslwb.task.ProcessSetting;

/**
 * Keeps the tensor cache folder under a size limit by deleting the least recently used files.
 *
 * <p>Every change to a data set (one photo added) and every new version of the pixel pipeline or
 * the file format gives a new cache file, and nothing else ever removes the old ones. After each
 * new file is written, the oldest files by last use (a look-up touches the file it reads) are
 * deleted until the folder fits the limit: {@value #ENV} (a size such as {@code 20g}; default
 * {@value #DEFAULT_LIMIT_TEXT}). Only files named as the cache names them (32 hex digits and {@code
 * .bin}) are ever deleted, so a cache folder pointed at a folder of other files loses none of them;
 * the file just written is kept even when it alone is over the limit. Deleting a file another
 * process has open or mapped is safe on the platforms we support (its data stays until it is
 * closed).
 */
final class TensorCachePruner {
  /** The environment variable with the limit. */
  static final String ENV = "ASLWB_CACHE_LIMIT";

  /** The system property with the limit (wins over the environment). */
  static final String PROPERTY = "aslwb.cacheLimit";

  static final String DEFAULT_LIMIT_TEXT = "10g";

  private static final Pattern CACHE_FILE = Pattern.compile("[0-9a-f]{32}\\.bin");

  private TensorCachePruner() {}

  /** The configured limit in bytes. */
  static long configuredLimit() {
    return ProcessSetting.read(PROPERTY, ENV)
        .map(s -> ByteSize.parse(s.value(), s.name()))
        .orElseGet(() -> ByteSize.parse(DEFAULT_LIMIT_TEXT, ENV));
  }

  /** Marks {@code file} as just used. */
  static void touch(Path file) {
    try {
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException e) {
      // a read-only cache still works; only its pruning order suffers
    }
  }

  /**
   * Deletes the least recently used cache files in {@code folder}, never {@code keep}, until the
   * cache files there total at most {@code limit} bytes.
   *
   * @return the files deleted
   */
  static List<Path> prune(Path folder, Path keep, long limit) throws IOException {
    record CacheFile(Path path, long size, FileTime used) {}
    List<CacheFile> files = new ArrayList<>();
    long total = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path p : entries) {
        if (!CACHE_FILE.matcher(p.getFileName().toString()).matches() || !Files.isRegularFile(p)) {
          continue;
        }
        try {
          long size = Files.size(p);
          files.add(new CacheFile(p, size, Files.getLastModifiedTime(p)));
          total += size;
        } catch (IOException e) {
          // deleted by another process meanwhile
        }
      }
    }
    files.sort(Comparator.comparing(CacheFile::used));
    List<Path> deleted = new ArrayList<>();
    for (CacheFile f : files) {
      if (total <= limit) {
        break;
      }
      if (f.path().equals(keep)) {
        continue;
      }
      if (Files.deleteIfExists(f.path())) {
        deleted.add(f.path());
      }
      total -= f.size();
    }
    return deleted;
  }
}
