package org.aslwb.ui;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.prefs.Preferences;

/**
 * What the app remembers between runs (window size, last data folder, last model, theme): the
 * user's {@link Preferences} in the app, a map in tests, so tests never write the user's real
 * preferences.
 */
public final class UserSettings {
  private final Preferences node;
  private final Map<String, String> memory;

  private UserSettings(Preferences node, Map<String, String> memory) {
    this.node = node;
    this.memory = memory;
  }

  /** The user's preferences node for the workbench. */
  public static UserSettings forThisUser() {
    return new UserSettings(Preferences.userRoot().node("org/aslwb/workbench"), null);
  }

  /** Settings kept in memory only (tests, and workspaces made without the app). */
  public static UserSettings inMemory() {
    return new UserSettings(null, new ConcurrentHashMap<>());
  }

  /** The value of {@code key}, or {@code fallback}. */
  public String get(String key, String fallback) {
    return node != null ? node.get(key, fallback) : memory.getOrDefault(key, fallback);
  }

  /** Remembers {@code value} under {@code key}. */
  public void put(String key, String value) {
    if (node != null) {
      node.put(key, value);
    } else {
      memory.put(key, value);
    }
  }

  /** A number, or {@code fallback} when absent or not a number. */
  public double getDouble(String key, double fallback) {
    try {
      return Double.parseDouble(get(key, Double.toString(fallback)));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
