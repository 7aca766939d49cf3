package org.aslwb.data;

import java.nio.file.Path;

/**
 * A file that was skipped while reading a data set, and why.
 *
 * @param file the file
 * @param reason a short reason ("truncated JPEG", "empty file", ...)
 */
public record UnreadableFile(Path file, String reason) {
  /** The record for an exception thrown by the decoder. */
  public static UnreadableFile of(UnreadableImageException e) {
    return new UnreadableFile(e.file(), e.reason());
  }
}
