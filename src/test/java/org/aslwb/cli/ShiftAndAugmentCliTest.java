package org.aslwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aslwb.TinyModels;
import org.aslwb.model.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShiftAndAugmentCliTest {
  @TempDir Path dir;

  /** Runs the CLI; returns stdout and stderr. */
  private String[] run(int expectedCode, String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    System.setOut(new PrintStream(stdout, true));
    System.setErr(new PrintStream(stderr, true));
    try {
      assertEquals(expectedCode, Aslwb.run(args), String.join(" ", args));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new String[] {stdout.toString(), stderr.toString()};
  }

  @Test
  void augmentationStrengthsOutOfRangeExitWithTwoAndNameTheOption() {
    String[][] bad = {
      {"--hue", "0.8"},
      {"--blur", "-1"},
      {"--flip", "1.5"},
      {"--zoom-out", "0.95"},
      {"--shift", "1"},
      {"--noise", "NaN"},
      {"--augment", "fancy"},
      {"--background", "many"}
    };
    for (String[] option : bad) {
      String[] r =
          run(
              Aslwb.BAD_INPUT,
              "train",
              "--data",
              dir.toString(),
              "--out",
              dir.resolve("m.aslwb").toString(),
              option[0],
              option[1]);
      assertTrue(r[1].contains(option[0]), option[0] + ": " + r[1]);
    }
  }

  @Test
  void theChosenStrengthsAreRecordedInTheModelFile() throws Exception {
    Path out = dir.resolve("aug.aslwb");
    run(
        0,
        "train",
        "--data",
        TinyModels.data().toString(),
        "--size",
        "32",
        "--epochs",
        "1",
        "--max-batches",
        "1",
        "--augment",
        "reference",
        "--brightness",
        "0.3",
        "--flip",
        "0.5",
        "--out",
        out.toString());
    assertEquals(
        "rotation=10 width_shift=0.1 height_shift=0.1 crop=0.1 brightness=0.3 flip=0.5",
        ModelStore.load(out).metadata().settings().get("augmentation"));
  }

  @Test
  void evaluateWithShiftsPrintsTheTableWritesShiftsCsvAndJson() throws Exception {
    String[] r =
        run(
            0,
            "evaluate",
            "--model",
            TinyModels.trainedCnn().toString(),
            "--data",
            TinyModels.data().toString(),
            "--shifts",
            "--seed",
            "3",
            "--out",
            dir.toString(),
            "--json");
    assertTrue(r[1].contains("mean over shifts"), r[1]);
    assertTrue(r[0].contains("\"shifts\":{\"seed\":3,\"clean_accuracy\""), r[0]);
    assertTrue(r[0].contains("\"mean_accuracy\""), r[0]);
    String csv = Files.readString(dir.resolve("shifts.csv"));
    assertTrue(csv.startsWith("shift,severity,setting,accuracy,clean_accuracy\n"), csv);
    assertTrue(csv.contains("\njpeg,3,quality 6,"), csv);
    assertEquals(1 + 27 + 2, csv.split("\n").length);
  }
}
