package org.aslwb.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The versions that shape a result: the workbench, DL4J, ND4J's native backend and Java. */
public final class Versions {
  private Versions() {}

  /** The workbench's version (from the build). */
  public static String workbench() {
    return property("/aslwb-version.properties", "version");
  }

  /** Deeplearning4j's version. */
  public static String dl4j() {
    return property(
        "/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties", "version");
  }

  /** ND4J's native backend: its version and the build the engine chose (starts the engine). */
  public static String nativeBackend() {
    Engine.EngineInfo info = Engine.start();
    if (info.backend() == Backend.CUDA) {
      return "nd4j-cuda-11.6 "
          + property("/META-INF/maven/org.nd4j/nd4j-cuda-11.6/pom.properties", "version")
          + " ("
          + info.device()
          + ", "
          + info.nativeBuild()
          + ")";
    }
    return "nd4j-native "
        + property("/META-INF/maven/org.nd4j/nd4j-native/pom.properties", "version")
        + " ("
        + info.nativeBuild()
        + (info.oneDnn() ? ", oneDNN on" : ", oneDNN off")
        + ")";
  }

  /** The Java runtime: version and vendor. */
  public static String java() {
    return System.getProperty("java.runtime.version", System.getProperty("java.version"))
        + " ("
        + System.getProperty("java.vendor", "unknown vendor")
        + ")";
  }

  private static String property(String resource, String key) {
    try (InputStream in = Versions.class.getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty(key, "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
