package org.aslwb.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aslwb.model.Engine;
import org.aslwb.model.Versions;
import picocli.CommandLine.Option;

/**
 * The {@code --json} option of the benchmarks and where their figures go: one {@code key=value}
 * line per measurement on stdout, or with {@code --json} one JSON object holding every measurement
 * and the machine and versions that produced it.
 */
final class BenchOutput {
  @Option(names = "--json", description = "print one JSON object on stdout instead of lines")
  boolean json;

  private final List<Map<String, Object>> measurements = new ArrayList<>();

  /** One measurement: a name and figures in order, each with the format of its text line. */
  static final class Figures {
    private final String name;
    private final StringBuilder text;
    private final Map<String, Object> values = new LinkedHashMap<>();

    Figures(String name) {
      this.name = name;
      this.text = new StringBuilder(name);
    }

    /** Adds {@code key=value}, written with {@code format} in the text line. */
    Figures put(String key, Object value, String format) {
      text.append(' ').append(key).append('=').append(String.format(Locale.ROOT, format, value));
      values.put(key, value);
      return this;
    }
  }

  /** Prints the measurement's line now, or keeps it for the JSON object. */
  void add(Figures f) {
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", f.name);
      m.putAll(f.values);
      measurements.add(m);
    } else {
      System.out.println(f.text);
    }
  }

  /** With {@code --json}, prints the object: the benchmark, the machine and the measurements. */
  void finish(String benchmark) {
    if (!json) {
      return;
    }
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("benchmark", benchmark);
    o.put("machine", machine());
    o.put("measurements", measurements);
    Output.json(o);
  }

  private static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("workbench", Versions.workbench());
    m.put("dl4j", Versions.dl4j());
    m.put("java", Versions.java());
    m.put("engine", Engine.started() ? Versions.nativeBackend() : "not started");
    return m;
  }
}
