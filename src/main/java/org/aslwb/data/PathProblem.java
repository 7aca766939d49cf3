package org.aslwb.data;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one place that says what is wrong with a path the user gave or a data set holds: "does not
 * exist", "is a folder", "is a file, not a folder", "name is not valid UTF-8", "cannot be read".
 * Data loading, predict, explain, dataset inspect and the GUI all ask here, so they say the same.
 */
public final class PathProblem {
  private PathProblem() {}

  /** What keeps {@code file} from being read as a file, or empty when it can be. */
  public static Optional<String> ofFile(Path file) {
    Optional<String> missing = ofExistence(file);
    if (missing.isPresent()) {
      return missing;
    }
    if (Files.isDirectory(file)) {
      return Optional.of("is a folder, not a file");
    }
    if (!Files.isReadable(file)) {
      return Optional.of("cannot be read (permission denied)");
    }
    return Optional.empty();
  }

  /** What keeps {@code folder} from being listed as a folder, or empty when it can be. */
  public static Optional<String> ofFolder(Path folder) {
    Optional<String> missing = ofExistence(folder);
    if (missing.isPresent()) {
      return missing;
    }
    if (!Files.isDirectory(folder)) {
      return Optional.of("is a file, not a folder");
    }
    if (!Files.isReadable(folder) || !Files.isExecutable(folder)) {
      return Optional.of("cannot be read (permission denied)");
    }
    return Optional.empty();
  }

  /**
   * Throws {@link IllegalArgumentException} ("PATH: does not exist", ...) unless {@code folder} is
   * a readable folder.
   */
  public static void requireFolder(Path folder) {
    ofFolder(folder)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(folder + ": " + problem);
            });
  }

  private static Optional<String> ofExistence(Path path) {
    if (Files.exists(path)) {
      return badName(path) ? Optional.of(notValidName()) : Optional.empty();
    }
    if (Files.isSymbolicLink(path)) {
      return Optional.of("is a broken symbolic link (its target does not exist)");
    }
    // the JVM decodes an undecodable name to U+FFFD; the path then names no file
    if (path.toString().indexOf('\uFFFD') >= 0) {
      return Optional.of(notValidName());
    }
    return Optional.of("does not exist");
  }

  /**
   * A listed path whose name does not survive the round trip through text: the bytes on disk are
   * not in the platform's file-name encoding, so the name cannot be shown or opened by name.
   */
  private static boolean badName(Path path) {
    String name = path.toString();
    if (name.indexOf('\uFFFD') < 0) {
      return false;
    }
    try {
      return !Files.exists(Path.of(name), LinkOption.NOFOLLOW_LINKS);
    } catch (InvalidPathException e) {
      return true;
    }
  }

  private static String notValidName() {
    String encoding = System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name());
    return encoding.toUpperCase(java.util.Locale.ROOT).replace("-", "").equals("UTF8")
        ? "name is not valid UTF-8 (rename the file)"
        : "name is not valid in this system's file-name encoding " + encoding + " (rename it)";
  }
}
