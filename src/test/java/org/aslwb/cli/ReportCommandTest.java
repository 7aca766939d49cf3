package org.aslwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  private static final Path DEMO = Path.of("demo", "demo-cnn.aslwb");

  @TempDir Path dir;

  private static int run(String... args) {
    PrintStream out = System.out;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true));
    try {
      return Aslwb.run(args);
    } finally {
      System.setOut(out);
    }
  }

  @Test
  void anUnreadableImageIsListedInTheReportWhichIsStillWrittenAndTheExitCodeIsTwo()
      throws Exception {
    Path bogus = dir.resolve("not-a-photo.png");
    Files.writeString(bogus, "text, not an image");
    Path report = dir.resolve("report.html");
    assertEquals(
        Aslwb.BAD_INPUT,
        run(
            "report",
            "--model",
            DEMO.toString(),
            "--image",
            bogus.toString(),
            "--out",
            report.toString()));
    String html = Files.readString(report);
    assertTrue(html.contains("<section id=\"skipped\">"), "no skipped section");
    assertTrue(html.contains("--image " + bogus), "the bad image is not named");
    assertTrue(html.contains("<section id=\"model-card\">"));
    assertFalse(html.contains("<section id=\"evaluation\">"), "evaluated without --data");
    assertTrue(html.contains("no data folder given"));
  }

  @Test
  void badSettingsAreRefusedWithExitTwoBeforeAnyWork() {
    Path report = dir.resolve("r.html");
    assertEquals(
        Aslwb.BAD_INPUT,
        run("report", "--model", DEMO.toString(), "--split", "test", "--out", report.toString()));
    assertEquals(
        Aslwb.BAD_INPUT,
        run("report", "--model", DEMO.toString(), "--eps", "0,2", "--out", report.toString()));
    assertFalse(Files.exists(report));
  }
}
