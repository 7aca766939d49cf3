package org.aslwb.data;

import java.nio.file.Path;

/** An image file that cannot be used, with a reason a person can act on. */
public class UnreadableImageException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String reason;

  /** Creates the exception for {@code file} with a short {@code reason}. */
  public UnreadableImageException(Path file, String reason) {
    super(file + ": " + reason);
    this.file = file;
    this.reason = reason;
  }

  /** Creates the exception, keeping the low-level cause for logs. */
  public UnreadableImageException(Path file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
    this.file = file;
    this.reason = reason;
  }

  /** The file that could not be read. */
  public Path file() {
    return file;
  }

  /** Why, in a few words ("empty file", "not an image", ...). */
  public String reason() {
    return reason;
  }
}
