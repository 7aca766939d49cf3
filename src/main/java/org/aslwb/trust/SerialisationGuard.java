package org.aslwb.trust;

import java.io.ObjectInputFilter;

/**
 * A process-wide Java deserialisation filter (JEP 290) that rejects every class.
 *
 * <p>The workbench never needs Java serialisation: models are JSON plus ND4J's binary arrays,
 * caches are raw tensors. Libraries on the class path still have code paths that call {@code
 * ObjectInputStream.readObject} on bytes from a file (DL4J's {@code preprocessor.bin} and {@code
 * normalizer.bin} model entries, for one), and any gadget chain on the class path would run the
 * moment such a file is opened. With this filter installed those paths fail before a single object
 * is built, whichever library they are in.
 */
public final class SerialisationGuard {
  private static final ObjectInputFilter REJECT_ALL = info -> ObjectInputFilter.Status.REJECTED;

  private SerialisationGuard() {}

  /**
   * Installs the filter for the whole JVM; call first thing at start-up. Idempotent.
   *
   * @throws IllegalStateException when another process-wide filter was installed before (for
   *     example with {@code -Djdk.serialFilter}) that does not reject everything
   */
  public static synchronized void install() {
    ObjectInputFilter current = ObjectInputFilter.Config.getSerialFilter();
    if (current == REJECT_ALL) {
      return;
    }
    if (current != null) {
      // JEP 290 allows one process-wide filter; keep a stricter-or-equal one, refuse to run
      // under a looser one rather than silently trusting it
      if (current.checkInput(new ClassCheck(java.util.HashMap.class))
          != ObjectInputFilter.Status.REJECTED) {
        throw new IllegalStateException(
            "a Java deserialisation filter that accepts classes is already installed"
                + " (-Djdk.serialFilter?): remove it");
      }
      return;
    }
    ObjectInputFilter.Config.setSerialFilter(REJECT_ALL);
  }

  /** Whether the process-wide filter rejects every class (true once {@link #install} ran). */
  public static boolean isInstalled() {
    ObjectInputFilter current = ObjectInputFilter.Config.getSerialFilter();
    return current != null
        && current.checkInput(new ClassCheck(java.util.HashMap.class))
            == ObjectInputFilter.Status.REJECTED;
  }

  /** The question a stream asks the filter about one class. */
  private record ClassCheck(Class<?> serialClass) implements ObjectInputFilter.FilterInfo {
    @Override
    public long arrayLength() {
      return -1;
    }

    @Override
    public long depth() {
      return 1;
    }

    @Override
    public long references() {
      return 1;
    }

    @Override
    public long streamBytes() {
      return 0;
    }
  }
}
