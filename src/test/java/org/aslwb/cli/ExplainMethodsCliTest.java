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

class ExplainMethodsCliTest {
  @TempDir Path dir;

  private String run(int expectedCode, String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true));
    System.setErr(new PrintStream(errors, true));
    try {
      int code = Aslwb.run(args);
      assertEquals(expectedCode, code, String.join(" ", args) + ": " + errors);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return buffer.toString();
  }

  private static String image() throws Exception {
    return TinyModels.data().resolve("L").resolve("L_synthetic_1.png").toString();
  }

  @Test
  void gradCamWritesItsOverlayAndAttributionsAndAgreesWithLimeByRank() throws Exception {
    String model = TinyModels.trainedCnn().toString();
    Path out = dir.resolve("gradcam");
    String json =
        run(
            0,
            "explain",
            "--model",
            model,
            "--image",
            image(),
            "--method",
            "gradcam",
            "--agreement",
            "--samples",
            "40",
            "--out",
            out.toString(),
            "--json");
    assertTrue(json.contains("\"method\":\"gradcam\""), json);
    assertTrue(json.contains("\"spearman_with_lime\""), json);
    assertTrue(Files.size(out.resolve("overlay.png")) > 0);
    assertTrue(Files.readString(out.resolve("attribution.json")).contains("layer conv3"));
  }

  @Test
  void seedsGiveAReproducibleStabilitySummaryInWeightsJson() throws Exception {
    String model = TinyModels.trainedCnn().toString();
    String[] args = {
      "explain",
      "--model",
      model,
      "--image",
      image(),
      "--samples",
      "30",
      "--seeds",
      "3",
      "--out",
      ""
    };
    args[args.length - 1] = dir.resolve("a").toString();
    run(0, args);
    args[args.length - 1] = dir.resolve("b").toString();
    run(0, args);
    String a = Files.readString(dir.resolve("a").resolve("weights.json"));
    assertTrue(a.contains("\"top_k_overlap\""), a);
    assertTrue(a.contains("\"seeds\" : [ 42, 43, 44 ]"), a);
    assertTrue(a.contains("\"output_space\""), a);
    assertEquals(a, Files.readString(dir.resolve("b").resolve("weights.json")));
  }

  @Test
  void unknownMethodsOutputSpacesAndSeedsOfGradientMethodsAreBadInput() throws Exception {
    String model = TinyModels.trainedCnn().toString();
    run(2, "explain", "--model", model, "--image", image(), "--method", "shap");
    run(2, "explain", "--model", model, "--image", image(), "--output-space", "odds");
    run(2, "explain", "--model", model, "--image", image(), "--method", "saliency", "--seeds");
    run(2, "explain", "--model", model, "--image", image(), "--seeds", "0");
  }

  @Test
  void anAdversarialEpsilonWritesBothWeightSetsAndTheirShiftOnTheCleanSuperpixels()
      throws Exception {
    String model = TinyModels.trainedCnn().toString();
    Path out = dir.resolve("adversarial");
    String printed =
        run(
            0,
            "explain",
            "--model",
            model,
            "--image",
            image(),
            "--samples",
            "60",
            "--adversarial-eps",
            "0.1",
            "--attack",
            "bim",
            "--out",
            out.toString(),
            "--json");
    var weights = org.aslwb.model.ModelStore.json().readTree(out.resolve("weights.json").toFile());
    var adversarial = weights.get("adversarial");
    assertEquals("bim", adversarial.get("attack").asText());
    assertEquals(0.1, adversarial.get("epsilon").asDouble());
    var top = weights.get("labels").get(0);
    assertEquals(top.get("label").asText(), adversarial.get("explained_label").asText());
    java.util.Map<Integer, Double> clean = new java.util.HashMap<>();
    top.get("weights")
        .forEach(w -> clean.put(w.get("superpixel").asInt(), w.get("weight").asDouble()));
    var rows = adversarial.get("superpixels");
    assertEquals(weights.get("superpixels").asInt(), rows.size(), "every clean superpixel");
    double moved = 0;
    double total = 0;
    for (var row : rows) {
      double before = row.get("clean_weight").asDouble();
      double after = row.get("adversarial_weight").asDouble();
      assertEquals(clean.get(row.get("superpixel").asInt()), before, 0, "the clean weight");
      assertEquals(after - before, row.get("shift").asDouble(), 1e-12);
      moved += Math.abs(after - before);
      total += Math.abs(before) + Math.abs(after);
    }
    double score = adversarial.get("evidence_shift_score").asDouble();
    assertEquals(moved / total, score, 1e-9);
    assertTrue(score >= 0 && score <= 1, "score " + score);
    // stdout's JSON carries the same section
    var stdout = org.aslwb.model.ModelStore.json().readTree(printed);
    assertEquals(score, stdout.get("adversarial").get("evidence_shift_score").asDouble(), 0);
  }

  @Test
  void adversarialOptionsOutOfRangeOrForGradientMethodsAreBadInput() throws Exception {
    String model = TinyModels.trainedCnn().toString();
    run(2, "explain", "--model", model, "--image", image(), "--adversarial-eps", "1.5");
    run(2, "explain", "--model", model, "--image", image(), "--adversarial-eps", "NaN");
    run(
        2,
        "explain",
        "--model",
        model,
        "--image",
        image(),
        "--adversarial-eps",
        "0.1",
        "--attack",
        "cw");
    run(
        2,
        "explain",
        "--model",
        model,
        "--image",
        image(),
        "--adversarial-eps",
        "0.1",
        "--method",
        "gradcam");
  }
}
