package org.aslwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aslwb.TinyModels;
import org.aslwb.model.ModelStore;
import org.aslwb.training.EmptyClassesTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets exit 2 and a message that names the option or file and says what is wrong. */
class BadInputMessagesTest {
  @TempDir Path dir;

  /** Runs the CLI; returns stdout and stderr together. */
  private String run(int expectedCode, String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream both = new PrintStream(buffer, true);
    System.setOut(both);
    System.setErr(both);
    int code;
    try {
      code = Aslwb.run(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertEquals(expectedCode, code, String.join(" ", args) + "\n" + buffer);
    return buffer.toString();
  }

  private static String[] concat(String[] a, String... b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }

  private void assertRefused(String[] command, String option, String value, String... words) {
    String output = run(Aslwb.BAD_INPUT, concat(command, "--" + option, value));
    String firstLine = output.lines().findFirst().orElse("");
    assertTrue(firstLine.contains(option), "names " + option + ": " + output);
    for (String w : words) {
      assertTrue(firstLine.contains(w), "says '" + w + "': " + output);
    }
  }

  @Test
  void nonFiniteAndOutOfRangeNumbersAreRefusedNamingTheOption() throws Exception {
    // the model, data and image need not exist: the numbers are checked before anything is read
    String model = dir.resolve("m.aslwb").toString();
    String data = dir.resolve("data").toString();
    String image = dir.resolve("i.png").toString();
    String[] attack = {"attack", "--model", model, "--data", data};
    String[] train = {"train", "--data", data, "--out", model};
    String[] explain = {"explain", "--model", model, "--image", image};

    assertRefused(attack, "eps", "NaN", "not a finite number");
    assertRefused(attack, "eps", "0,0.1,Infinity", "not a finite number");
    assertRefused(attack, "eps", "1.5", "[0, 1]");
    assertRefused(attack, "limit", "-3", "negative");

    assertRefused(train, "val-fraction", "NaN", "not a finite number");
    assertRefused(train, "val-fraction", "0.95", "[0, 0.9)");
    assertRefused(train, "lr", "NaN", "not a finite number");
    assertRefused(train, "lr", "0", "(0, 10)");
    assertRefused(train, "width", "-Infinity", "not a finite number");
    assertRefused(train, "width", "0", "(0, 2]");
    assertRefused(train, "size", "0", "32..256");
    assertRefused(train, "epochs", "0", "1..");
    assertRefused(train, "batch", "0", "1..4096");
    assertRefused(train, "patience", "-1", "negative");
    assertRefused(train, "min-delta", "NaN", "not a finite number");
    assertRefused(train, "min-delta", "1e999", "not a finite number");
    assertRefused(train, "block-split", "-5", "negative");
    assertRefused(train, "max-batches", "-1", "negative");
    assertRefused(train, "robust-eps", "NaN", "not a finite number");
    assertRefused(train, "robust-eps", "1.5", "[0, 1]");
    assertRefused(train, "robust-eps", "-0.01", "[0, 1]");
    assertRefused(train, "schedule", "plateau:NaN:2", "bad schedule");
    assertRefused(train, "schedule", "plateau:1e999:2", "schedule factor", "(0, 1]");

    assertRefused(explain, "ratio", "NaN", "not a finite number");
    assertRefused(explain, "ratio", "2", "[0, 1]");
    assertRefused(explain, "samples", "1", "2..");
    assertRefused(explain, "kernel-size", "0", "above 0");
    assertRefused(explain, "max-dist", "Infinity", "not a finite number");
    assertRefused(explain, "kernel-width", "NaN", "not a finite number");
    assertRefused(explain, "num-features", "-1", "negative");
    assertRefused(explain, "adversarial-eps", "1.5", "[0, 1]");
    assertRefused(explain, "attack", "cw", "unknown attack 'cw'");

    assertRefused(new String[] {"synth", "--out", data}, "per-class", "0", "at least 1");
    assertRefused(new String[] {"synth", "--out", data}, "size", "2", "8..");
    assertRefused(
        new String[] {"bench", "predict", "--model", model, image}, "repeat", "0", "at least 1");
    assertTrue(Files.notExists(dir.resolve("data")), "synth wrote nothing");
  }

  @Test
  void trainRefusesAClassWithNoUsableImageUnlessItIsDropped() throws Exception {
    String data = EmptyClassesTestData.write(dir).toString();
    String[] train = {
      "train",
      "--data",
      data,
      "--out",
      dir.resolve("m.aslwb").toString(),
      "--size",
      "32",
      "--width",
      "0.25",
      "--epochs",
      "1",
      "--batch",
      "8",
      "--val-fraction",
      "0.25",
      "--max-batches",
      "1"
    };
    String refused = run(Aslwb.BAD_INPUT, train);
    assertTrue(refused.contains("warning: class B has no usable images"), refused);
    assertTrue(refused.contains("class B has no usable images (every file"), refused);
    assertTrue(Files.notExists(dir.resolve("m.aslwb")), refused);

    String trained = run(0, concat(train, "--drop-empty-classes", "--json"));
    assertTrue(trained.contains("dropped classes [B]"), trained);
    assertEquals(
        List.of("A", "C"), ModelStore.load(dir.resolve("m.aslwb")).metadata().classNames());
  }

  @Test
  void pathProblemsSayWhatIsWrong() throws Exception {
    Path model = TinyModels.trainedCnn();
    String missing = dir.resolve("missing.jpg").toString();
    String predicted = run(Aslwb.BAD_INPUT, "predict", "--model", model.toString(), missing);
    assertTrue(predicted.contains(missing + ": does not exist"), predicted);

    Path folder = Files.createDirectories(dir.resolve("photos"));
    String folderAsImage =
        run(Aslwb.BAD_INPUT, "predict", "--model", model.toString(), folder.toString());
    assertTrue(folderAsImage.contains(folder + ": is a folder"), folderAsImage);

    String noData = run(Aslwb.BAD_INPUT, "dataset", "inspect", dir.resolve("nowhere").toString());
    assertTrue(noData.contains("nowhere: does not exist"), noData);

    Path file = Files.writeString(dir.resolve("notes.txt"), "x");
    String fileAsData =
        run(Aslwb.BAD_INPUT, "evaluate", "--model", model.toString(), "--data", file.toString());
    assertTrue(fileAsData.contains("notes.txt: is a file, not a folder"), fileAsData);
  }

  @Test
  void aTargetClassIsMatchedIgnoringCaseAndAnUnknownOneListsTheClasses() throws Exception {
    String model = TinyModels.trainedCnn().toString();
    String data = TinyModels.data().toString();
    String[] attack = {
      "attack", "--model", model, "--data", data, "--eps", "0,0.05", "--limit", "3", "--json"
    };

    String ok = run(0, concat(attack, "--targeted", "b"));
    assertTrue(ok.contains("\"points\""), ok);

    String unknown = run(Aslwb.BAD_INPUT, concat(attack, "--targeted", "zz"));
    assertTrue(unknown.contains("--targeted 'zz' is not a class of the model"), unknown);
    assertTrue(unknown.contains("A, B, C, D"), unknown);
  }
}
