package org.aslwb.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.aslwb.data.MemoryBudget;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts the numeric engine once per process: ND4J on its native CPU build with DL4J's oneDNN
 * helpers on, or, in a {@code -Pcuda} build asked for it ({@link Backend}), on CUDA with cuDNN.
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
    Backend backend = Backend.configured();
    if (info != null) {
      if (info.backend() != backend) {
        throw new IllegalStateException(
            "the engine runs on "
                + info.backend().id()
                + " already: the backend is chosen once per process");
      }
      return info;
    }
    if (!backend.inBuild()) {
      throw new IllegalArgumentException(
          "backend "
              + backend.id()
              + ": this build has no "
              + backend.id()
              + " backend (build with mvn -Pcuda; see docs/scale.md)");
    }
    boolean avx2 = cpuHasAvx2();
    if (System.getProperty(PLATFORM_EXTENSION) == null) {
      // CPU: with the generic and the onednn-avx2 jars present JavaCPP would pick the generic one;
      // CUDA: the build with the cuDNN helpers
      System.setProperty(
          PLATFORM_EXTENSION, backend == Backend.CUDA ? "-cudnn" : avx2 ? "-onednn-avx2" : "");
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
    if (Backend.CUDA.inBuild()) {
      // both backends on the class path: ND4J would take CUDA whenever it loads
      ND4JClassLoading.setNd4jClassloader(
          new BackendClassLoader(Engine.class.getClassLoader(), backend));
    }
    long started = System.nanoTime();
    if (backend == Backend.CUDA) {
      CudaDevice.checkLoadable();
    }
    try {
      Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException(
          "the " + backend.id() + " backend did not start: " + rootMessage(e), e);
    }
    boolean oneDnn =
        backend == Backend.CPU
            && org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance()
                .isUseONEDNN();
    long millis = (System.nanoTime() - started) / 1_000_000;
    String extension = System.getProperty(PLATFORM_EXTENSION);
    info =
        new EngineInfo(
            backend,
            extension.isEmpty() ? "generic" : extension.substring(1),
            avx2,
            oneDnn,
            backend == Backend.CUDA ? CudaDevice.name() : "",
            millis);
    return info;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.toString();
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
   * @param backend CPU or CUDA
   * @param nativeBuild the native build's classifier suffix: "onednn-avx2" or "generic" on the CPU,
   *     "cudnn" on CUDA
   * @param avx2 whether the CPU reports AVX2
   * @param oneDnn whether the loaded build uses oneDNN (and so DL4J's helpers)
   * @param device the GPU's name on CUDA, empty on the CPU
   * @param startMillis how long start-up took
   */
  public record EngineInfo(
      Backend backend,
      String nativeBuild,
      boolean avx2,
      boolean oneDnn,
      String device,
      long startMillis) {
    /** One line for status bars and logs, naming the backend. */
    public String describe() {
      String what =
          backend == Backend.CUDA
              ? "CUDA on " + device + " (" + nativeBuild + ")"
              : "CPU " + nativeBuild + (oneDnn ? " (oneDNN on)" : " (oneDNN off)");
      return "ND4J " + what + ", started in " + startMillis + " ms";
    }
  }
}
