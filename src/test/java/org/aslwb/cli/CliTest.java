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
  void foldersThatAreNotModelClassesAreSkippedAndTheRestScoredAsExternal() throws Exception {
    Path model = Files.copy(TinyModels.trainedCnn(), dir.resolve("model.aslwb"));
    Path subset = dir.resolve("letters");
    for (String letter : new String[] {"a", "B", "l"}) {
      Path from = TinyModels.data().resolve(letter.toUpperCase(java.util.Locale.ROOT));
      Files.createDirectories(subset.resolve(letter));
      try (var files = Files.list(from)) {
        for (Path f : files.toList()) {
          Files.copy(f, subset.resolve(letter).resolve(f.getFileName()));
        }
      }
    }
    Files.createDirectories(subset.resolve("unknown-sign"));
    Files.copy(
        subset.resolve("a").resolve("A_synthetic_1.png"),
        subset.resolve("unknown-sign").resolve("u.png"));
    String json =
        run(0, "evaluate", "--model", model.toString(), "--data", subset.toString(), "--json");
    assertTrue(json.contains("\"images\":60"), json);
    assertTrue(json.contains("\"split\":\"external\""), json);
    assertTrue(json.contains("\"skipped_folders\":[\"unknown-sign: not a model class"), json);
    assertTrue(json.contains("\"recorded\":true"), json);
    assertTrue(json.contains("\"ece\":"), json);
    Path digits = dir.resolve("digits");
    Files.createDirectories(digits.resolve("7"));
    Files.copy(
        subset.resolve("a").resolve("A_synthetic_1.png"), digits.resolve("7").resolve("x.png"));
    run(Aslwb.BAD_INPUT, "evaluate", "--model", model.toString(), "--data", digits.toString());
  }

  @Test
  void calibrateFitsATemperatureOnTheValidationSplitAndEvaluateReportsBothCalibrations()
      throws Exception {
    Path model = Files.copy(TinyModels.trainedCnn(), dir.resolve("model.aslwb"));
    String fitted =
        run(
            0,
            "calibrate",
            "--model",
            model.toString(),
            "--data",
            TinyModels.data().toString(),
            "--json");
    assertTrue(fitted.contains("\"split\":\"val\""), fitted);
    assertTrue(fitted.contains("\"temperature\":"), fitted);
    String evaluated =
        run(
            0,
            "evaluate",
            "--model",
            model.toString(),
            "--data",
            TinyModels.data().toString(),
            "--out",
            dir.toString(),
            "--json");
    assertTrue(evaluated.contains("\"split\":\"val\",\"split_method\":\"random\""), evaluated);
    assertTrue(evaluated.contains("\"ece_raw\":"), evaluated);
    assertTrue(evaluated.contains("\"recorded\":false"), evaluated);
    assertTrue(
        Files.readString(dir.resolve("reliability.csv"))
            .startsWith("bin_lower,bin_upper,count,mean_confidence,accuracy"));
    run(
        Aslwb.BAD_INPUT,
        "train",
        "--data",
        TinyModels.data().toString(),
        "--split",
        "sideways",
        "--out",
        dir.resolve("x.aslwb").toString());
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
