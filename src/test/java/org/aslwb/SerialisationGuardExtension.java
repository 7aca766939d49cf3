package org.aslwb;

import org.aslwb.trust.SerialisationGuard;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Installs the process-wide deserialisation filter before any test class runs, as the CLI and the
 * GUI do at start-up (registered for every test through the service loader).
 */
public final class SerialisationGuardExtension implements BeforeAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    SerialisationGuard.install();
  }
}
