package org.aslwb.model;

import java.io.IOException;
import java.nio.file.Path;

/** A model file that cannot be used: foreign, truncated, or made for other data. */
public class ModelFileException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with "FILE: reason". */
  public ModelFileException(Path file, String reason) {
    super(file + ": " + reason);
  }

  /** Creates the exception keeping the cause. */
  public ModelFileException(Path file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
  }
}
