package org.aslwb.model;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/** The name of the GPU the CUDA backend runs on, as ND4J's environment information gives it. */
final class CudaDevice {
  private CudaDevice() {}

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
