package org.aslwb.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.aslwb.TinyModels;
import org.aslwb.cli.Aslwb;
import org.aslwb.model.ModelMetadata;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report made by {@code aslwb report} from someone else's files: a model whose class names and
 * settings hold markup, a data folder whose class folders and own name hold markup (a folder name
 * cannot hold '/', so the closing script tag comes through the model file), and an image likewise.
 */
class HtmlReportTest {
  // what a hostile model file, data folder and image could carry
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG_FOLDER = "<img src=x onerror=alert(1)>";
  static final String SCRIPT_FOLDER = "<script>alert(2)";
  static final String DATA_FOLDER = "data <b>bold</b>";
  static final String IMAGE_FILE = "<svg onload=alert(3)>.png";

  @TempDir static Path dir;
  static String html;
  static Path report;

  @BeforeAll
  static void makeReport() throws Exception {
    TrainedModel tiny = TinyModels.model();
    ObjectNode meta = ModelStore.json().valueToTree(tiny.metadata());
    ArrayNode classes = (ArrayNode) meta.get("classNames");
    classes.set(0, IMG_FOLDER); // was A
    classes.set(1, SCRIPT); // was B
    classes.set(2, SCRIPT_FOLDER); // was C
    ((ObjectNode) meta.get("settings")).put("note", SCRIPT);
    ModelMetadata hostile = ModelStore.json().treeToValue(meta, ModelMetadata.class);
    Path model = dir.resolve("model " + SCRIPT_FOLDER + ".aslwb");
    ModelStore.save(new TrainedModel(tiny.network(), hostile), model);
    Path data = dir.resolve(DATA_FOLDER);
    copyClass("A", data.resolve(IMG_FOLDER));
    copyClass("C", data.resolve(SCRIPT_FOLDER));
    copyClass("D", data.resolve("D"));
    Path image = dir.resolve(IMAGE_FILE);
    try (Stream<Path> files = Files.list(TinyModels.data().resolve("A"))) {
      Files.copy(files.sorted().findFirst().orElseThrow(), image);
    }
    report = dir.resolve("out").resolve("report.html");
    PrintStream out = System.out;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true));
    try {
      int code =
          Aslwb.run(
              "report",
              "--model",
              model.toString(),
              "--data",
              data.toString(),
              "--image",
              image.toString(),
              "--attack-limit",
              "12",
              "--eps",
              "0,0.05",
              "--samples",
              "60",
              "--out",
              report.toString());
      assertEquals(0, code);
    } finally {
      System.setOut(out);
    }
    html = Files.readString(report);
  }

  private static void copyClass(String letter, Path to) throws Exception {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(TinyModels.data().resolve(letter))) {
      for (Path f : files.sorted().limit(6).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  @Test
  void hostileNamesFromTheModelTheDataAndTheImageAppearOnlyEscaped() {
    for (String hostile : List.of(SCRIPT, IMG_FOLDER, SCRIPT_FOLDER, DATA_FOLDER, IMAGE_FILE)) {
      assertFalse(html.contains(hostile), "unescaped in the report: " + hostile);
      assertTrue(html.contains(Html.escape(hostile)), "missing from the report: " + hostile);
    }
    assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "the report has a script");
    assertFalse(html.toLowerCase(Locale.ROOT).contains("<svg"));
    assertFalse(html.toLowerCase(Locale.ROOT).contains("<img src=x"));
  }

  @Test
  void theReportHasEverySectionAndACommandUnderEveryFigure() {
    for (String id : List.of("model-card", "evaluation", "attack", "explanations")) {
      assertTrue(html.contains("<section id=\"" + id + "\">"), id);
    }
    for (String part :
        List.of("parameters", "Training history", "Per class", "Deeplearning4j", "Java")) {
      assertTrue(html.contains(part), part);
    }
    int figures = count(html, "<figure");
    assertEquals(5, figures, "loss, accuracy, heat map, curve, one explanation");
    assertTrue(count(html, "Reproduce: <code>aslwb ") >= figures + 1);
    assertTrue(html.contains("Reproduce: <code>aslwb attack --model"), "attack command");
  }

  @Test
  void settingsATrainingRunDoesNotRecordAreListedAsOtherRecordedResults() {
    int other = html.indexOf("<h3 id=\"other-results\">");
    int note = html.indexOf("<tr><th>note</th><td>" + Html.escape(SCRIPT) + "</td></tr>");
    assertTrue(other > 0 && note > other, "the extra setting is not under the other results");
    assertTrue(html.indexOf("<tr><th>epochs</th>") < other, "training settings come first");
  }

  @Test
  void theFileIsSelfContained() {
    Matcher sources = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
    int images = 0;
    while (sources.find()) {
      images++;
      assertTrue(sources.group(1).startsWith("data:image/png;base64,"), sources.group(1));
    }
    assertEquals(6, images, "loss, accuracy, heat map, curve, superpixels, LIME weights");
    assertFalse(html.contains("http://") || html.contains("https://"), "an external address");
    assertFalse(html.contains("<link") || html.contains("@import"), "an external style sheet");
  }

  @Test
  void headlessChromiumOpensTheReportWithoutConsoleErrors() throws Exception {
    String chromium =
        Stream.of("chromium", "chromium-browser", "google-chrome")
            .filter(HtmlReportTest::onPath)
            .findFirst()
            .orElse(null);
    Assumptions.assumeTrue(
        chromium != null, "chromium is not installed: the browser check is skipped");
    // the check itself can see a console error
    Path control = dir.resolve("control.html");
    Files.writeString(control, "<!DOCTYPE html><p>x</p><script>console.error('boom')</script>");
    assertTrue(consoleOf(chromium, control).stderr().contains(":CONSOLE"));

    Opened opened = consoleOf(chromium, report);
    assertTrue(opened.dom().contains("<h2>Model card</h2>"), "the page did not render");
    assertTrue(opened.dom().contains("<h2>Explanations: LIME</h2>"), "the page did not render");
    assertFalse(opened.stderr().contains(":CONSOLE"), opened.stderr());
  }

  private record Opened(String dom, String stderr) {}

  private static Opened consoleOf(String chromium, Path page) throws Exception {
    Path dom = Files.createTempFile(dir, "dom", ".html");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p =
        new ProcessBuilder(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--enable-logging=stderr",
                "--v=0",
                "--user-data-dir=" + dir.resolve("chromium-profile"),
                "--dump-dom",
                page.toUri().toString())
            .redirectOutput(dom.toFile())
            .redirectError(err.toFile())
            .start();
    assertTrue(p.waitFor(90, TimeUnit.SECONDS), "chromium did not finish");
    assertEquals(0, p.exitValue(), Files.readString(err));
    return new Opened(Files.readString(dom), Files.readString(err));
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(java.io.File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
