package org.aslwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The window's JVM options, which bin/aslwb passes and the packaged app's runtime carries. */
class WindowJvmOptionsTest {
  private static final Path FILE = Path.of("src/main/launcher/window-jvm-options");

  @Test
  void theJvmStartsWithTheWindowsOptionsAndTakesEachOfThem() throws Exception {
    List<String> options =
        Files.readAllLines(FILE).stream()
            // as bin/aslwb reads them: a comment starts its line
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .map(String::strip)
            .toList();
    assertFalse(options.isEmpty());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.add("-XX:+PrintFlagsFinal");
    command.add("-version");
    Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(jvm.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, jvm.exitValue(), out);
    for (String option : options) {
      // -XX:Name=value (or -XX:+Name, -XX:-Name) as PrintFlagsFinal lists it: "type Name = value
      // {origin}"
      String flag = option.substring("-XX:".length());
      String[] nameValue =
          flag.contains("=")
              ? flag.split("=", 2)
              : new String[] {flag.substring(1), flag.startsWith("+") ? "true" : "false"};
      assertTrue(
          out.lines()
              .anyMatch(
                  l ->
                      l.matches(
                          "\\s*\\S+\\s+"
                              + nameValue[0]
                              + "\\s+=\\s+"
                              + Pattern.quote(nameValue[1])
                              + "\\s.*\\{command line\\}.*")),
          option + " is in effect");
    }
  }
}
