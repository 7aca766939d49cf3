package org.aslwb.trust;

import java.io.IOException;

/** A file from elsewhere holds something the workbench refuses to read; the message says what. */
public class UntrustedInputException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the reason. */
  public UntrustedInputException(String reason) {
    super(reason);
  }
}
