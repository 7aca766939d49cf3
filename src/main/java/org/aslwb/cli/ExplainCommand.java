package org.aslwb.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.aslwb.data.ImageDecoder;
import org.aslwb.data.PixelImage;
import org.aslwb.explain.ExplainInput;
import org.aslwb.explain.Explanation;
import org.aslwb.explain.LabelExplanation;
import org.aslwb.explain.LimeExplainer;
import org.aslwb.explain.LimeSettings;
import org.aslwb.explain.OverlayRenderer;
import org.aslwb.explain.QuickshiftSettings;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.OutputLocations;
import org.aslwb.task.SettingChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aslwb explain}: LIME on quickshift superpixels. */
@Command(
    name = "explain",
    description = "LIME explanation of one image (segments.png, overlay.png, weights.json).")
final class ExplainCommand implements Callable<Integer> {
  @Option(names = "--model", required = true)
  Path model;

  @Option(names = "--image", required = true)
  Path image;

  @Option(names = "--samples", defaultValue = "1000")
  int samples;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(names = "--kernel-size", defaultValue = "4")
  double kernelSize;

  @Option(names = "--max-dist", defaultValue = "200")
  double maxDist;

  @Option(names = "--ratio", defaultValue = "0.2")
  double ratio;

  @Option(names = "--kernel-width", defaultValue = "0.25")
  double kernelWidth;

  @Option(
      names = "--num-features",
      defaultValue = "5",
      description = "superpixels shown in overlay.png")
  int numFeatures;

  @Option(names = "--out", description = "folder for segments.png, overlay.png and weights.json")
  Path out;

  @Option(names = "--json", description = "print one JSON object on stdout")
  boolean json;

  @Override
  public Integer call() throws Exception {
    SettingChecks.atLeast("num-features", numFeatures, 0);
    if (out != null) {
      OutputLocations.checkFolder(out); // before the work, not after it
    }
    LimeSettings defaults = LimeSettings.defaults();
    LimeSettings settings =
        new LimeSettings(
            samples,
            kernelWidth,
            defaults.topLabels(),
            null,
            defaults.ridgeAlpha(),
            new QuickshiftSettings(
                kernelSize, maxDist, ratio, true, defaults.segmentation().seed()),
            seed,
            defaults.batchSize());
    TrainedModel trained = ModelOption.load(model);
    PixelImage photo = ExplainInput.fromPhoto(new ImageDecoder().decode(image));
    Explanation e =
        new LimeExplainer()
            .explain(trained.classifier(), photo, settings, Output.progress(), Cancellation.none());
    LabelExplanation top = e.top();
    Output.say(
        "%s: %d superpixels; top label %s (p=%.3f), R^2 %.3f, local prediction %.3f, %.2f s",
        image,
        e.segmentation().count(),
        top.className(),
        top.probability(),
        top.score(),
        top.localPrediction(),
        e.seconds());
    Map<String, Object> weights = weightsJson(image, e);
    if (out != null) {
      Files.createDirectories(out);
      var seg = e.segmentation();
      Png.write(
          OverlayRenderer.boundaries(photo, seg),
          seg.width(),
          seg.height(),
          out.resolve("segments.png"));
      boolean[] shown = OverlayRenderer.topMask(top, numFeatures, true, true, 0);
      Png.write(
          OverlayRenderer.weights(photo, seg, top.weights(), shown),
          seg.width(),
          seg.height(),
          out.resolve("overlay.png"));
      Files.write(out.resolve("weights.json"), ModelStore.json().writeValueAsBytes(weights));
      Output.say("wrote segments.png, overlay.png and weights.json to %s", out);
    }
    if (json) {
      Output.json(weights);
    }
    return 0;
  }

  static Map<String, Object> weightsJson(Path image, Explanation e) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("image", image.toString());
    o.put("superpixels", e.segmentation().count());
    o.put("seconds", e.seconds());
    o.put("settings", e.settings());
    List<Map<String, Object>> labels = new ArrayList<>();
    for (LabelExplanation l : e.labels()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("label", l.className());
      m.put("probability", l.probability());
      m.put("intercept", l.intercept());
      m.put("score", l.score());
      m.put("local_pred", l.localPrediction());
      List<Map<String, Object>> w = new ArrayList<>();
      for (int id : l.ranking()) {
        w.add(Map.of("superpixel", id, "weight", l.weights()[id]));
      }
      m.put("weights", w);
      labels.add(m);
    }
    o.put("labels", labels);
    return o;
  }
}
