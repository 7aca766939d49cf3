package org.aslwb.model;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/** The name of the GPU the CUDA backend runs on, as ND4J's environment information gives it. */
final class CudaDevice {
  private CudaDevice() {}

  /**
   * Loads the CUDA runtime's bindings as ND4J is about to, so that a machine without a driver or
   * without the CUDA 11.6 runtime gets the loader's reason rather than ND4J's "no backend".
   *
   * @throws IllegalStateException with the missing library named
   */
  static void checkLoadable() {
    try {
      org.bytedeco.javacpp.Loader.load(Class.forName("org.bytedeco.cuda.global.cudart"));
    } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
      throw new IllegalStateException(
          "the cuda backend cannot start: "
              + reasons(e)
              + " (it needs an NVIDIA driver and the CUDA 11.6 runtime with cuDNN 8.3: installed,"
              + " or built in with mvn -Pcuda,cuda-redist; see docs/scale.md)",
          e);
    }
  }

  /** The messages of an error, its causes and what it suppressed (the loader's real reason). */
  private static String reasons(Throwable e) {
    java.util.LinkedHashSet<String> messages = new java.util.LinkedHashSet<>();
    java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>(List.of(e));
    while (!todo.isEmpty() && messages.size() < 6) {
      Throwable t = todo.pop();
      messages.add(String.valueOf(t.getMessage()));
      if (t.getCause() != null && t.getCause() != t) {
        todo.add(t.getCause());
      }
      todo.addAll(List.of(t.getSuppressed()));
    }
    return String.join("; ", messages);
  }

  /** The first device's name, or "an unnamed CUDA device" when ND4J does not say. */
  static String name() {
    Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
    if (env.get("cuda.devicesInformation") instanceof List<?> devices
        && !devices.isEmpty()
        && devices.get(0) instanceof Map<?, ?> first
        && first.get("cuda.deviceName") != null) {
      return first.get("cuda.deviceName").toString();
    }
    return "an unnamed CUDA device";
  }
}
