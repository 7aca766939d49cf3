package org.aslwb.model;

import java.util.Locale;
import org.aslwb.task.ProcessSetting;

/**
 * Where ND4J computes: the native CPU build (the default, in every build) or the CUDA build (only
 * in a build made with {@code mvn -Pcuda}). Chosen per process, before the engine starts, with
 * {@code --backend}, the system property {@value #PROPERTY} or {@code ASLWB_BACKEND}.
 */
public enum Backend {
  /** nd4j-native with oneDNN. */
  CPU("org.nd4j.linalg.cpu.nativecpu.CpuBackend"),
  /** nd4j-cuda-11.6 with its cuDNN helpers. */
  CUDA("org.nd4j.linalg.jcublas.JCublasBackend");

  /** The system property that chooses the backend. */
  public static final String PROPERTY = "aslwb.backend";

  /** The environment variable that chooses the backend (the property wins). */
  public static final String ENV = "ASLWB_BACKEND";

  private final String providerClass;

  Backend(String providerClass) {
    this.providerClass = providerClass;
  }

  /** ND4J's class for this backend, as its service file names it. */
  String providerClass() {
    return providerClass;
  }

  /** Whether this build carries the backend (CUDA only with {@code -Pcuda}). */
  public boolean inBuild() {
    return Backend.class.getClassLoader().getResource(providerClass.replace('.', '/') + ".class")
        != null;
  }

  /** {@code cpu} or {@code cuda}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads {@code cpu} or {@code cuda}.
   *
   * @throws IllegalArgumentException naming the setting and the choices
   */
  public static Backend parse(String text, String setting) {
    for (Backend b : values()) {
      if (b.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return b;
      }
    }
    throw new IllegalArgumentException(setting + " " + text + ": the backend is cpu or cuda");
  }

  /** The chosen backend: {@value #PROPERTY}, else {@value #ENV}, else the CPU. */
  public static Backend configured() {
    return ProcessSetting.read(PROPERTY, ENV)
        .map(setting -> parse(setting.value(), setting.name()))
        .orElse(CPU);
  }
}
