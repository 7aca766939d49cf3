package org.aslwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

class CliConventionsTest {
  /** Every command path: "train", "dataset inspect", "bench lime", ... (found, not listed). */
  private static List<List<String>> commandPaths() {
    List<List<String>> paths = new ArrayList<>();
    collect(Aslwb.commandLine(), new ArrayList<>(), paths);
    return paths;
  }

  private static void collect(CommandLine c, List<String> path, List<List<String>> into) {
    into.add(List.copyOf(path));
    c.getSubcommands()
        .forEach(
            (name, sub) -> {
              List<String> next = new ArrayList<>(path);
              next.add(name);
              collect(sub, next, into);
            });
  }

  private static String stdout(int expected, List<String> args) {
    PrintStream out = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true));
    try {
      assertEquals(expected, Aslwb.run(args.toArray(String[]::new)), String.join(" ", args));
    } finally {
      System.setOut(out);
    }
    return buffer.toString();
  }

  @TestFactory
  Stream<DynamicTest> helpOnEveryCommandExitsZeroAndPrintsItsUsage() {
    List<List<String>> paths = commandPaths();
    assertTrue(paths.size() > 15, "found only " + paths);
    return paths.stream()
        .map(
            path ->
                DynamicTest.dynamicTest(
                    "aslwb " + String.join(" ", path) + " --help",
                    () -> {
                      List<String> args = new ArrayList<>(path);
                      args.add("--help");
                      String usage = stdout(0, args);
                      assertTrue(usage.startsWith("Usage: aslwb" + prefixed(path)), usage);
                    }));
  }

  private static String prefixed(List<String> path) {
    return path.isEmpty() ? "" : " " + String.join(" ", path);
  }

  @Test
  void everyOptionAndParameterHasADescription() {
    List<String> missing = new ArrayList<>();
    for (List<String> path : commandPaths()) {
      CommandLine c = Aslwb.commandLine();
      for (String name : path) {
        c = c.getSubcommands().get(name);
      }
      for (ArgSpec arg : c.getCommandSpec().args()) {
        String[] d = arg.description();
        if (d.length == 0 || String.join("", d).isBlank()) {
          missing.add(
              String.join(" ", path)
                  + " "
                  + (arg.isOption()
                      ? ((CommandLine.Model.OptionSpec) arg).longestName()
                      : arg.paramLabel()));
        }
      }
      assertTrue(
          !c.getCommandSpec().usageMessage().description()[0].isBlank(), "no description: " + path);
    }
    assertTrue(missing.isEmpty(), "without a description: " + missing);
  }

  @Test
  void versionNamesTheWorkbenchDl4jTheNativeBackendAndJava() {
    String version = stdout(0, List.of("--version"));
    for (String part :
        List.of("ASL Workbench ", "Deeplearning4j 1.0.0", "native backend nd4j-native ", "Java ")) {
      assertTrue(version.contains(part), version);
    }
    assertEquals(version, stdout(0, List.of("train", "--version")));
  }

  @Test
  void completionPrintsABashScriptThatKnowsEveryCommand() {
    String script = stdout(0, List.of("completion"));
    assertTrue(script.startsWith("#!/usr/bin/env bash"), script);
    for (String command : List.of("train", "report", "attack", "inspect", "quickshift")) {
      assertTrue(script.contains(command), command);
    }
    assertTrue(script.contains("complete -F"), "no complete registration");
  }
}
