package org.aslwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aslwb.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
  @TempDir Path dir;

  private String run(int expectedCode, String... args) {
    PrintStream out = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true));
    try {
      assertEquals(expectedCode, Aslwb.run(args), String.join(" ", args));
    } finally {
      System.setOut(out);
    }
    return buffer.toString();
  }

  @Test
  void predictAndEvaluateRoundTripOnSyntheticData() throws Exception {
    Path model = TinyModels.trainedCnn();
    Path data = TinyModels.data();
    String predicted =
        run(
            0,
            "predict",
            "--model",
            model.toString(),
            "--json",
            data.resolve("L").resolve("L_synthetic_1.png").toString());
    assertTrue(predicted.contains("\"top5\""), predicted);
    String evaluated =
        run(
            0,
            "evaluate",
            "--model",
            model.toString(),
            "--data",
            data.toString(),
            "--split",
            "all",
            "--out",
            dir.toString(),
            "--json");
    assertTrue(evaluated.contains("\"accuracy\""), evaluated);
    assertTrue(Files.readString(dir.resolve("confusion.csv")).startsWith("true\\predicted,A,B"));
    assertTrue(Files.readString(dir.resolve("per_class.csv")).startsWith("class,precision"));
  }

  @Test
  void aDataSetWithClassesTheModelLacksIsRefusedAndASubsetIsScored() throws Exception {
    Path model = TinyModels.trainedCnn();
    Path subset = dir.resolve("letters");
    for (String letter : new String[] {"A", "B", "L"}) {
      Path from = TinyModels.data().resolve(letter);
      Files.createDirectories(subset.resolve(letter));
      try (var files = Files.list(from)) {
        for (Path f : files.toList()) {
          Files.copy(f, subset.resolve(letter).resolve(f.getFileName()));
        }
      }
    }
    String json =
        run(0, "evaluate", "--model", model.toString(), "--data", subset.toString(), "--json");
    assertTrue(json.contains("\"images\":60"), json);
    Files.createDirectories(subset.resolve("unknown-sign"));
    Files.copy(
        subset.resolve("A").resolve("A_synthetic_1.png"),
        subset.resolve("unknown-sign").resolve("u.png"));
    run(Aslwb.BAD_INPUT, "evaluate", "--model", model.toString(), "--data", subset.toString());
  }

  @Test
  void badInputExitsWithTwo() throws Exception {
    Path notModel = Files.writeString(dir.resolve("x.aslwb"), "nope");
    run(Aslwb.BAD_INPUT, "predict", "--model", notModel.toString(), "a.png");
    run(Aslwb.BAD_INPUT, "dataset", "inspect", dir.resolve("missing").toString());
    run(Aslwb.BAD_INPUT, "train", "--data", dir.toString());
  }

  @Test
  void attackAndExplainWriteTheirFiles() throws Exception {
    Path model = TinyModels.trainedCnn();
    Path data = TinyModels.data();
    run(
        0,
        "attack",
        "--model",
        model.toString(),
        "--data",
        data.toString(),
        "--eps",
        "0,0.02",
        "--limit",
        "30",
        "--out",
        dir.toString());
    assertTrue(
        Files.readString(dir.resolve("curve.csv"))
            .startsWith("model,method,target,eps,eps_normalised,accuracy,mean_linf,success_rate"));
    assertTrue(Files.size(dir.resolve("curve.png")) > 0);
    String json =
        run(
            0,
            "explain",
            "--model",
            model.toString(),
            "--image",
            data.resolve("B").resolve("B_synthetic_2.png").toString(),
            "--samples",
            "100",
            "--out",
            dir.toString(),
            "--json");
    assertTrue(json.contains("\"local_pred\""), json);
    for (String f : new String[] {"segments.png", "overlay.png", "weights.json"}) {
      assertTrue(Files.size(dir.resolve(f)) > 0, f);
    }
  }
}
