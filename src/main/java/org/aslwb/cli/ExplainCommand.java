package org.aslwb.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aslwb.attack.Attack;
import org.aslwb.attack.AttackFrames;
import org.aslwb.data.ImageDecoder;
import org.aslwb.data.PixelImage;
import org.aslwb.explain.Agreement;
import org.aslwb.explain.AttributionMap;
import org.aslwb.explain.EvidenceShift;
import org.aslwb.explain.EvidenceShiftAnalysis;
import org.aslwb.explain.ExplainInput;
import org.aslwb.explain.ExplainMethod;
import org.aslwb.explain.Explanation;
import org.aslwb.explain.LabelExplanation;
import org.aslwb.explain.LimeExplainer;
import org.aslwb.explain.LimeSettings;
import org.aslwb.explain.OutputSpace;
import org.aslwb.explain.OverlayRenderer;
import org.aslwb.explain.Quickshift;
import org.aslwb.explain.QuickshiftSettings;
import org.aslwb.explain.Segmentation;
import org.aslwb.explain.Stability;
import org.aslwb.explain.StabilityAnalysis;
import org.aslwb.export.AttributionJson;
import org.aslwb.export.ExplanationFiles;
import org.aslwb.export.WeightsJson;
import org.aslwb.model.Classifier;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.OutputLocations;
import org.aslwb.task.SettingChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aslwb explain}: LIME on quickshift superpixels, or a gradient map. */
@Command(
    name = "explain",
    description =
        "LIME explanation of one image (segments.png, overlay.png, weights.json), with"
            + " --adversarial-eps also of its adversarial version on the same superpixels, or a"
            + " Grad-CAM, saliency or SmoothGrad map (overlay.png, attribution.json).")
final class ExplainCommand implements Callable<Integer> {
  @Option(names = "--model", required = true, description = "model file")
  Path model;

  @Option(names = "--image", required = true, description = "image file to explain")
  Path image;

  @Option(
      names = "--method",
      defaultValue = "lime",
      description = "lime, gradcam, saliency or smoothgrad (default: ${DEFAULT-VALUE})")
  String method;

  @Option(
      names = "--output-space",
      defaultValue = "auto",
      description =
          "what LIME explains: probability, log-probability, margin (top logit minus the"
              + " runner-up), or auto: the probability unless its weights are all below 1%% of"
              + " its range, then the margin (default: ${DEFAULT-VALUE})")
  String outputSpace;

  @Option(
      names = "--seeds",
      defaultValue = "1",
      fallbackValue = "5",
      arity = "0..1",
      description =
          "LIME runs with seeds seed..seed+K-1 on one segmentation: each superpixel's mean weight"
              + " and spread, and the top-k overlap between runs (--seeds alone: 5)")
  int seeds;

  @Option(
      names = "--agreement",
      description =
          "also run the other kind (LIME with a gradient method, Grad-CAM with LIME) and report"
              + " their rank correlation over the superpixels")
  boolean agreement;

  @Option(
      names = "--adversarial-eps",
      description =
          "also explain an adversarial version of the image (made at the model's input size"
              + " against its clean prediction) on the clean image's superpixels: both weight"
              + " sets, the per-superpixel evidence shift and the evidence-shift score (LIME only)")
  Double adversarialEps;

  @Option(
      names = "--attack",
      defaultValue = "fgsm",
      description = "the attack of --adversarial-eps: fgsm, bim or pgd (default: ${DEFAULT-VALUE})")
  String attack;

  @Option(
      names = "--samples",
      defaultValue = "1000",
      description = "LIME perturbed samples (default: ${DEFAULT-VALUE})")
  int samples;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description =
          "seed of the LIME perturbations and SmoothGrad noise (default: ${DEFAULT-VALUE})")
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
      description = "superpixels shown in overlay.png and compared by the seeds' top-k overlap")
  int numFeatures;

  @Option(
      names = "--out",
      description = "folder for segments.png, overlay.png and weights.json (or attribution.json)")
  Path out;

  @Option(names = "--json", description = "print one JSON object on stdout")
  boolean json;

  @Override
  public Integer call() throws Exception {
    SettingChecks.atLeast("num-features", numFeatures, 0);
    SettingChecks.between("seeds", seeds, 1, 100);
    ExplainMethod how = ExplainMethod.parse(method);
    OutputSpace space = OutputSpace.parseOrAuto(outputSpace);
    if (seeds > 1 && how != ExplainMethod.LIME) {
      throw new IllegalArgumentException("--seeds applies to --method lime only");
    }
    if (adversarialEps != null) {
      SettingChecks.between("adversarial-eps", adversarialEps, 0, true, 1, true);
      if (how != ExplainMethod.LIME) {
        throw new IllegalArgumentException("--adversarial-eps applies to --method lime only");
      }
    }
    try {
      Attack.parse(attack, false, seed); // an unknown name is refused before the work
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--attack: " + e.getMessage());
    }
    if (out != null) {
      OutputLocations.checkFolder(out); // before the work, not after it
    }
    LimeSettings settings = settings();
    TrainedModel trained = ModelOption.load(model);
    Classifier classifier = trained.classifier();
    PixelImage photo = ExplainInput.fromPhoto(new ImageDecoder().decode(image));
    String name = image.getFileName().toString();
    boolean runLime = how == ExplainMethod.LIME || agreement;
    Stability stability = null;
    Explanation lime = null;
    if (runLime && seeds > 1) {
      stability =
          new StabilityAnalysis()
              .run(
                  classifier,
                  photo,
                  settings,
                  space,
                  seeds,
                  Math.max(1, numFeatures),
                  Output.progress(),
                  Cancellation.none());
      lime = stability.first();
    } else if (runLime) {
      lime =
          new LimeExplainer()
              .explain(classifier, photo, settings, space, Output.progress(), Cancellation.none());
    }
    ExplainMethod gradient =
        how != ExplainMethod.LIME ? how : agreement ? ExplainMethod.GRADCAM : null;
    AttributionMap map = null;
    if (gradient != null) {
      int label =
          lime != null
              ? lime.top().label()
              : Classifier.argmax(
                  classifier.probabilities(
                      org.aslwb.data.Resampler.resize(
                          photo,
                          classifier.preprocessing().width(),
                          classifier.preprocessing().height())));
      map = gradient.attribute(classifier, photo, label, seed);
    }
    Agreement agreed = lime != null && map != null ? Agreement.of(lime, map) : null;
    WeightsJson.Adversarial adversarial =
        adversarialEps == null ? null : adversarial(classifier, photo, lime);
    if (lime != null) {
      say(lime, stability);
    }
    if (adversarial != null) {
      say(adversarial);
    }
    if (map != null) {
      Output.say(
          "%s: %s of %s (%s), %.3f s",
          name, map.method(), map.className(), map.detail(), map.seconds());
    }
    if (agreed != null) {
      Output.say(
          "LIME vs %s: Spearman %.3f over %d superpixels (LIME %.2f s, %s %.3f s)",
          agreed.method(),
          agreed.spearman(),
          lime.segmentation().count(),
          agreed.limeSeconds(),
          agreed.method(),
          agreed.methodSeconds());
    }
    String text;
    if (how == ExplainMethod.LIME) {
      text = WeightsJson.of(name, lime, stability, agreed, adversarial);
      if (out != null) {
        writeLime(photo, lime, text);
      }
    } else {
      Segmentation segments =
          lime != null ? lime.segmentation() : Quickshift.segment(photo, settings.segmentation());
      text = AttributionJson.of(name, map, segments, agreed);
      if (out != null) {
        ExplanationFiles.writeAttribution(out, photo, map, text);
        Output.say("wrote overlay.png and attribution.json to %s", out);
      }
    }
    if (json) {
      ObjectNode tree = (ObjectNode) ModelStore.json().readTree(text);
      // on stdout only: the files hold no wall-clock figures
      if (lime != null) {
        tree.put("seconds", lime.seconds());
      }
      if (map != null) {
        tree.put(map.method() + "_seconds", map.seconds());
      }
      Output.json(tree);
    }
    return 0;
  }

  /**
   * The Explain tab's comparison: the attack's image at the model's input size, against the clean
   * prediction, explained on {@code clean}'s superpixels by {@link EvidenceShiftAnalysis}.
   */
  private WeightsJson.Adversarial adversarial(
      Classifier classifier, PixelImage photo, Explanation clean) {
    AttackFrames.Prepared prepared = AttackFrames.prepare(classifier, photo, -1);
    AttackFrames.Frame frame =
        AttackFrames.of(classifier, prepared, attack, adversarialEps, Cancellation.none());
    EvidenceShift shift =
        new EvidenceShiftAnalysis()
            .run(classifier, clean, frame.adversarial(), Output.progress(), Cancellation.none());
    return new WeightsJson.Adversarial(frame.method(), adversarialEps, shift);
  }

  private void say(WeightsJson.Adversarial a) {
    Output.say("%s at eps %s: %s", a.attack(), a.epsilon(), a.shift().describe());
  }

  private LimeSettings settings() {
    LimeSettings defaults = LimeSettings.defaults();
    return new LimeSettings(
        samples,
        kernelWidth,
        defaults.topLabels(),
        null,
        defaults.ridgeAlpha(),
        new QuickshiftSettings(kernelSize, maxDist, ratio, true, defaults.segmentation().seed()),
        seed,
        defaults.batchSize());
  }

  private void say(Explanation e, Stability stability) {
    LabelExplanation top = e.top();
    Output.say(
        "%s: %d superpixels; top label %s (p=%.6f); explaining the %s%s: R^2 %.3f, local"
            + " prediction %.3f, top |weight| %.2f%% of the output's range, %.2f s",
        image,
        e.segmentation().count(),
        top.className(),
        top.probability(),
        e.outputSpace().displayName(),
        e.outputSpaceChosen() ? " (auto)" : "",
        top.score(),
        top.localPrediction(),
        100 * top.informativeness().topWeightFraction(),
        e.seconds());
    if (top.informativeness().saturated()) {
      Output.say("warning: %s", top.informativeness().warning());
    }
    if (stability != null) {
      Output.say(
          "%d seeds (%d..%d): top-%d overlap %.3f",
          stability.seeds().length,
          stability.seeds()[0],
          stability.seeds()[stability.seeds().length - 1],
          stability.topK(),
          stability.topKOverlap());
    }
  }

  private void writeLime(PixelImage photo, Explanation e, String weights) throws Exception {
    boolean[] shown = OverlayRenderer.topMask(e.top(), numFeatures, true, true, 0);
    ExplanationFiles.write(out, photo, e, shown, weights);
    Output.say("wrote segments.png, overlay.png and weights.json to %s", out);
  }
}
