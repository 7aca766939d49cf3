package org.aslwb.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
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
import org.aslwb.export.ExplanationFiles;
import org.aslwb.export.WeightsJson;
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
  @Option(names = "--model", required = true, description = "model file")
  Path model;

  @Option(names = "--image", required = true, description = "image file to explain")
  Path image;

  @Option(
      names = "--samples",
      defaultValue = "1000",
      description = "LIME perturbed samples (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "seed of the LIME perturbations (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--kernel-size",
      defaultValue = "4",
      description = "quickshift kernel size (default: ${DEFAULT-VALUE})")
  double kernelSize;

  @Option(
      names = "--max-dist",
      defaultValue = "200",
      description = "quickshift maximum link distance (default: ${DEFAULT-VALUE})")
  double maxDist;

  @Option(
      names = "--ratio",
      defaultValue = "0.2",
      description = "quickshift colour-versus-position weight in [0,1] (default: ${DEFAULT-VALUE})")
  double ratio;

  @Option(
      names = "--kernel-width",
      defaultValue = "0.25",
      description = "LIME kernel width on the cosine distance (default: ${DEFAULT-VALUE})")
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
    String weights = WeightsJson.of(image.getFileName().toString(), e);
    if (out != null) {
      boolean[] shown = OverlayRenderer.topMask(top, numFeatures, true, true, 0);
      ExplanationFiles.write(out, image.getFileName().toString(), photo, e, shown);
      Output.say("wrote segments.png, overlay.png and weights.json to %s", out);
    }
    if (json) {
      ObjectNode tree = (ObjectNode) ModelStore.json().readTree(weights);
      tree.put("seconds", e.seconds()); // on stdout only: the file holds no wall-clock figures
      Output.json(tree);
    }
    return 0;
  }
}
