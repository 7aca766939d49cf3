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
}
