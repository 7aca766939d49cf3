package org.aslwb.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aslwb.TinyModels;
import org.aslwb.model.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs that would lose work or cannot be written, refused before any work; errors as JSON. */
class CliOutputsTest {
  @TempDir Path dir;

  /** What one command printed. */
  private record Printed(String out, String err) {}

  private static Printed run(int expectedCode, String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    System.setOut(new PrintStream(stdout, true));
    System.setErr(new PrintStream(stderr, true));
    int code;
    try {
      code = Aslwb.run(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    Printed printed = new Printed(stdout.toString(), stderr.toString());
    assertEquals(expectedCode, code, String.join(" ", args) + "\n" + printed.err());
    return printed;
  }

  /** A one-batch training run of the tiny data into {@code out}, with {@code extra} options. */
  private static String[] train(Path out, String... extra) throws Exception {
    return train(out, 1, extra);
  }

  private static String[] train(Path out, int epochs, String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--data",
                TinyModels.data().toString(),
                "--width",
                "0.25",
                "--size",
                "32",
                "--epochs",
                Integer.toString(epochs),
                "--batch",
                "16",
                "--max-batches",
                "1",
                "--out",
                out.toString()));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void trainingOverAModelIsRefusedUnlessForcedAndStaleTempFilesAreRemoved() throws Exception {
    Path model = Files.copy(TinyModels.trainedCnn(), dir.resolve("m.aslwb"));
    byte[] before = Files.readAllBytes(model);
    String refused = run(Aslwb.BAD_INPUT, train(model)).err();
    assertTrue(refused.contains("--resume") && refused.contains("--force"), refused);
    assertTrue(refused.contains("m.aslwb"), refused);
    assertFalse(refused.contains("training on"), "refused before any work: " + refused);
    assertArrayEquals(before, Files.readAllBytes(model), "the model is untouched");
    // --resume without a checkpoint would start afresh over the model: refused as well
    String noCheckpoint = run(Aslwb.BAD_INPUT, train(model, "--resume")).err();
    assertTrue(noCheckpoint.contains("--force"), noCheckpoint);
    assertArrayEquals(before, Files.readAllBytes(model));

    // the temporary files of saves that a killed run left behind
    Path staleModel = Files.writeString(dir.resolve("m.aslwb4711.tmp"), "half a model");
    Path staleCheckpoint = Files.writeString(dir.resolve("m.aslwb.checkpoint815.tmp"), "half");
    Path someoneElses = Files.writeString(dir.resolve("other.aslwb4711.tmp"), "not ours");
    String forced = run(0, train(model, "--force")).err();
    assertTrue(forced.contains("removed 2 temporary file(s)"), forced);
    assertFalse(Files.exists(staleModel));
    assertFalse(Files.exists(staleCheckpoint));
    assertTrue(Files.exists(someoneElses), "only this --out's temporary files are removed");
    assertFalse(
        java.util.Arrays.equals(before, Files.readAllBytes(model)), "overwritten with --force");
    assertTrue(Files.exists(dir.resolve("m.aslwb.checkpoint")));

    // with a checkpoint, --resume continues without asking for --force
    String resumed = run(0, train(model, 2, "--resume")).err();
    assertTrue(resumed.contains("resuming after epoch 1"), resumed);
  }

  @Test
  void robustEpsilonZeroPrintsAndRecordsTheCleanValidationAccuracyEachEpoch() throws Exception {
    Path model = dir.resolve("robust.aslwb");
    Printed printed = run(0, train(model, 2, "--robust-eps", "0", "--json"));
    JsonNode o = org.aslwb.model.ModelStore.json().readTree(printed.out());
    assertEquals(0.0, o.get("robust_eps").asDouble());
    assertEquals(2, o.get("history").size());
    for (JsonNode epoch : o.get("history")) {
      assertEquals(0.0, epoch.get("robustEpsilon").asDouble());
      assertEquals(epoch.get("valAccuracy").asDouble(), epoch.get("robustAccuracy").asDouble(), 0);
    }
    assertTrue(printed.err().contains("val_robust_acc"), printed.err());
    var history = org.aslwb.model.ModelStore.load(model).metadata().history();
    assertEquals(2, history.size());
    assertEquals(history.get(1).valAccuracy(), history.get(1).robustAccuracy(), 1e-12);
  }

  @Test
  void resumeWithoutACheckpointSaysItStartsFromEpochOne() throws Exception {
    String err = run(0, train(dir.resolve("fresh.aslwb"), "--resume")).err();
    assertTrue(err.contains("no checkpoint"), err);
    assertTrue(err.contains("starting from epoch 1"), err);
  }

  @Test
  void unwritableOutputsAreRefusedBeforeAnyWork() throws Exception {
    String model = TinyModels.trainedCnn().toString();
    String data = TinyModels.data().toString();
    String image = TinyModels.data().resolve("B").resolve("B_synthetic_2.png").toString();
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Path folder = Files.createDirectories(dir.resolve("a-folder"));

    String err = run(Aslwb.BAD_INPUT, train(Path.of("/proc/aslwb-test/m.aslwb"))).err();
    assertTrue(err.contains("cannot write /proc/aslwb-test/m.aslwb: it is under /proc"), err);
    assertFalse(err.contains("training on") || err.contains("images in"), err);
    err = run(Aslwb.BAD_INPUT, train(folder)).err();
    assertTrue(err.contains("cannot write " + folder + ": it is a folder"), err);
    err = run(Aslwb.BAD_INPUT, train(file.resolve("m.aslwb"))).err();
    assertTrue(err.contains(file + " is a file, not a folder"), err);

    err =
        run(Aslwb.BAD_INPUT, "evaluate", "--model", model, "--data", data, "--out", file + "")
            .err();
    assertTrue(err.contains("cannot write " + file + ": it is a file, not a folder"), err);
    assertFalse(err.contains("accuracy"), "before the evaluation: " + err);
    err =
        run(
                Aslwb.BAD_INPUT,
                "attack",
                "--model",
                model,
                "--data",
                data,
                "--eps",
                "0",
                "--out",
                "/proc/aslwb-test")
            .err();
    assertTrue(err.contains("cannot write /proc/aslwb-test: it is under /proc"), err);
    assertFalse(err.contains("eps"), "before the sweep: " + err);
    err =
        run(
                Aslwb.BAD_INPUT,
                "explain",
                "--model",
                model,
                "--image",
                image,
                "--out",
                file.resolve("sub").toString())
            .err();
    assertTrue(err.contains("cannot write " + file.resolve("sub") + ": " + file + " is a"), err);
    err = run(Aslwb.BAD_INPUT, "synth", "--out", file.toString()).err();
    assertTrue(err.contains("cannot write " + file), err);
    assertFalse(Files.exists(dir.resolve("a-file").resolveSibling("A")));
  }

  @Test
  void synthIntoAFolderThatIsNotEmptyIsRefusedUnlessForced() throws Exception {
    Path out = dir.resolve("synth");
    String[] synth = {"synth", "--out", out.toString(), "--per-class", "1", "--size", "32"};
    run(0, synth);
    Path image = out.resolve("A").resolve("A_synthetic_1.png");
    byte[] seven = Files.readAllBytes(image);
    List<String> reseeded = new ArrayList<>(List.of(synth));
    reseeded.addAll(List.of("--seed", "8"));
    String err = run(Aslwb.BAD_INPUT, reseeded.toArray(String[]::new)).err();
    assertTrue(err.contains(out + " is not empty") && err.contains("--force"), err);
    assertArrayEquals(seven, Files.readAllBytes(image), "the seed-7 images are kept");
    reseeded.add("--force");
    run(0, reseeded.toArray(String[]::new));
    assertFalse(java.util.Arrays.equals(seven, Files.readAllBytes(image)), "replaced on --force");
  }

  @Test
  void withJsonAnErrorIsAlsoOneJsonObjectOnStdout() throws Exception {
    // a bad argument (picocli's parse error)
    JsonNode badArgument =
        onlyJson(run(Aslwb.BAD_INPUT, "synth", "--out", dir.toString(), "--size", "big", "--json"));
    assertEquals(2, badArgument.get("exit_code").asInt());
    assertTrue(badArgument.get("error").asText().contains("--size"), badArgument.toString());
    // bad input (a file that is not a model)
    Path notModel = Files.writeString(dir.resolve("x.aslwb"), "nope");
    JsonNode badInput =
        onlyJson(
            run(
                Aslwb.BAD_INPUT,
                "predict",
                "--model",
                notModel.toString(),
                "--json",
                dir.resolve("a.png").toString()));
    assertEquals(2, badInput.get("exit_code").asInt());
    assertTrue(badInput.get("error").asText().contains("x.aslwb"), badInput.toString());
    // without --json stdout stays empty
    assertEquals("", run(Aslwb.BAD_INPUT, "predict", "--model", notModel.toString(), "a").out());
  }

  private static JsonNode onlyJson(Printed printed) throws Exception {
    String[] lines = printed.out().strip().split("\n");
    assertEquals(1, lines.length, "one line on stdout: " + printed.out());
    JsonNode node = ModelStore.json().readTree(lines[0]);
    assertEquals(2, node.size(), node.toString());
    return node;
  }
}
