package org.aslwb.task;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks, before long work starts, that its outputs can be written: a read-only folder, a path
 * under a kernel pseudo-file system or a file where a folder is needed is then reported at once,
 * and not after an epoch of training or a whole sweep. Every check throws an {@link
 * IllegalArgumentException} whose message reads "cannot write OUT: reason".
 */
public final class OutputLocations {
  // writing there either fails late with an odd error or, worse, pokes the kernel
  private static final List<Path> PSEUDO_FILE_SYSTEMS = List.of(Path.of("/proc"), Path.of("/sys"));

  private OutputLocations() {}

  /**
   * Checks that {@code folder} is a folder that takes new files, creating it (and its parents) when
   * missing; a probe file is created in it and deleted again.
   */
  public static void checkFolder(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    String reason = folderProblem(absolute, absolute);
    if (reason != null) {
      throw new IllegalArgumentException("cannot write " + folder + ": " + reason);
    }
  }

  /**
   * Checks that {@code file} can be written (created or replaced): its folder as {@link
   * #checkFolder}, and the path itself neither a folder nor a read-only file.
   */
  public static void checkFile(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    String reason;
    if (Files.isDirectory(absolute)) {
      reason = "it is a folder, not a file";
    } else if (absolute.getParent() == null) {
      reason = "it has no folder";
    } else {
      reason = folderProblem(absolute.getParent(), absolute);
      if (reason == null && Files.exists(absolute) && !Files.isWritable(absolute)) {
        reason = "the file is read-only";
      }
    }
    if (reason != null) {
      throw new IllegalArgumentException("cannot write " + file + ": " + reason);
    }
  }

  /**
   * Why files cannot be created in {@code folder} (absolute, normalised), or null if they can;
   * {@code named} is the path the message is about.
   */
  private static String folderProblem(Path folder, Path named) {
    for (Path pseudo : PSEUDO_FILE_SYSTEMS) {
      if (folder.startsWith(pseudo)) {
        return "it is under " + pseudo + ", a kernel pseudo-file system, not a place for files";
      }
    }
    Path existing = folder;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      return existing.equals(named)
          ? "it is a file, not a folder"
          : existing + " is a file, not a folder";
    }
    try {
      Files.createDirectories(folder);
      Files.delete(Files.createTempFile(folder, ".aslwb-write-check", ".tmp"));
      return null;
    } catch (AccessDeniedException e) {
      return "permission denied"
          + (folder.toString().equals(e.getFile()) ? "" : " on " + e.getFile());
    } catch (FileSystemException e) {
      // e.g. "Read-only file system", "No space left on device"
      return e.getReason() != null ? e.getReason() : e.toString();
    } catch (IOException | SecurityException e) {
      return e.getMessage();
    }
  }
}
