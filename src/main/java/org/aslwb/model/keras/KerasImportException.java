package org.aslwb.model.keras;

import java.io.IOException;

/** A Keras file that cannot be imported; the message names the layer or part and the reason. */
public class KerasImportException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the reason. */
  public KerasImportException(String reason) {
    super(reason);
  }
}
