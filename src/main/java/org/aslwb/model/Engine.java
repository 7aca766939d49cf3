package org.aslwb.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.aslwb.data.MemoryBudget;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts the numeric engine (ND4J on its native CPU build) once per process, with the right native
 * build and DL4J's oneDNN helpers on.
 *
 * <p>The choices must be made before the first ND4J class loads: JavaCPP reads the platform
 * extension when it unpacks the natives, and an AVX2 build on a CPU without AVX2 makes ND4J call
 * {@code System.exit(1)}. So every entry point calls {@link #start()} before touching a network.
 */
public final class Engine {
  /** The system property that DL4J reads to decide whether to create layer helpers at all. */
  static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

  static final String PLATFORM_EXTENSION = "org.bytedeco.javacpp.platform.extension";

  private static volatile EngineInfo info;

  private Engine() {}

  /**
   * Starts ND4J if it has not started yet and returns what was chosen. Takes 0.6-2 s the first time
   * (several more while the natives are unpacked on a fresh machine); call it off the UI thread.
   */
  public static synchronized EngineInfo start() {
    if (info != null) {
      return info;
    }
    boolean avx2 = cpuHasAvx2();
    if (System.getProperty(PLATFORM_EXTENSION) == null) {
      // with the generic and the onednn-avx2 jars present JavaCPP would pick the generic one
      System.setProperty(PLATFORM_EXTENSION, avx2 ? "-onednn-avx2" : "");
    }
    if (System.getProperty(HELPERS_DISABLE) == null) {
      System.setProperty(HELPERS_DISABLE, "false");
    }
    // bin/aslwb sets these from the memory budget; other launchers (tests, the packaged app) get
    // the same shares here
    MemoryBudget budget = MemoryBudget.configured();
    setIfAbsent("org.bytedeco.javacpp.maxbytes", Long.toString(budget.nativeBytes()));
    setIfAbsent(
        "org.bytedeco.javacpp.maxphysicalbytes",
        Long.toString(Runtime.getRuntime().maxMemory() + budget.nativeBytes()));
    long started = System.nanoTime();
    Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    boolean oneDnn =
        org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
    long millis = (System.nanoTime() - started) / 1_000_000;
    String extension = System.getProperty(PLATFORM_EXTENSION);
    info =
        new EngineInfo(
            extension.isEmpty() ? "generic" : extension.substring(1), avx2, oneDnn, millis);
    return info;
  }

  /** Whether the engine has been started in this process. */
  public static boolean started() {
    return info != null;
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /** Reads the CPU flags; an unreadable /proc (not Linux) counts as "no AVX2", the safe choice. */
  static boolean cpuHasAvx2() {
    try {
      String cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
      for (String line : cpuinfo.split("\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("flags")) {
          return line.contains(" avx2");
        }
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * What the engine runs on.
   *
   * @param nativeBuild the native build's classifier suffix, "onednn-avx2" or "generic"
   * @param avx2 whether the CPU reports AVX2
   * @param oneDnn whether the loaded build uses oneDNN (and so DL4J's helpers)
   * @param startMillis how long start-up took
   */
  public record EngineInfo(String nativeBuild, boolean avx2, boolean oneDnn, long startMillis) {
    /** One line for status bars and logs. */
    public String describe() {
      return "ND4J "
          + nativeBuild
          + (oneDnn ? " (oneDNN on)" : " (oneDNN off)")
          + ", started in "
          + startMillis
          + " ms";
    }
  }
}
