package org.aslwb.task;

import java.util.Optional;

/**
 * A per-process setting given as a system property or, failing that, an environment variable, with
 * the name to quote when its value is refused ({@code -Daslwb.memory} or {@code ASLWB_MEMORY}).
 *
 * @param name how the user gave it
 * @param value what they gave
 */
public record ProcessSetting(String name, String value) {
  /** The property's value, else the variable's; empty when neither is set to something. */
  public static Optional<ProcessSetting> read(String property, String env) {
    String p = System.getProperty(property);
    if (p != null && !p.isBlank()) {
      return Optional.of(new ProcessSetting("-D" + property, p));
    }
    String e = System.getenv(env);
    if (e != null && !e.isBlank()) {
      return Optional.of(new ProcessSetting(env, e));
    }
    return Optional.empty();
  }
}
