package org.aslwb.export;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aslwb.explain.Agreement;
import org.aslwb.explain.EvidenceShift;
import org.aslwb.explain.Explanation;
import org.aslwb.explain.Informativeness;
import org.aslwb.explain.LabelExplanation;
import org.aslwb.explain.LimeSettings;
import org.aslwb.explain.QuickshiftSettings;
import org.aslwb.explain.Stability;

/**
 * {@code weights.json}: a LIME explanation as the image's file name, the superpixel count, every
 * setting that made it (seeds included), the explained output space, and per explained label its
 * surrogate's scores, whether its weights are tiny next to the output's range (with a warning
 * then), and the superpixels ranked by |weight|. Keys are in a fixed order and nothing depends on
 * the clock, so the same inputs give the same bytes.
 */
public final class WeightsJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WeightsJson() {}

  /** The explanation of the image named {@code imageName} as JSON text (ends with a newline). */
  public static String of(String imageName, Explanation e) {
    return of(imageName, e, null);
  }

  /**
   * The explanation with, when {@code stability} is not null, its K-seed summary: the seeds, the
   * top-k overlap and each superpixel's mean weight and spread ({@code e} is then the first run).
   */
  public static String of(String imageName, Explanation e, Stability stability) {
    return of(imageName, e, stability, null);
  }

  /**
   * The explanation with its K-seed summary and its agreement with a gradient method (either may be
   * null).
   */
  public static String of(
      String imageName, Explanation e, Stability stability, Agreement agreement) {
    return of(imageName, e, stability, agreement, null);
  }

  /**
   * How an adversarial image was made and what it did to the evidence.
   *
   * @param attack fgsm, bim or pgd
   * @param epsilon the L-infinity budget on the [0,1] pixel scale
   * @param shift the clean class's weights on the clean and the adversarial image, on the clean
   *     superpixels, and their difference
   */
  public record Adversarial(String attack, double epsilon, EvidenceShift shift) {}

  /**
   * The explanation with its K-seed summary, its agreement with a gradient method and the evidence
   * shift to an adversarial version of the image (each may be null).
   */
  public static String of(
      String imageName,
      Explanation e,
      Stability stability,
      Agreement agreement,
      Adversarial adversarial) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("image", imageName);
    o.put("superpixels", e.segmentation().count());
    o.put("settings", settings(e.settings()));
    o.put("output_space", e.outputSpace().id());
    o.put("output_space_choice", e.outputSpaceChosen() ? "auto" : "asked");
    List<Map<String, Object>> labels = new ArrayList<>();
    for (LabelExplanation l : e.labels()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("label", l.className());
      m.put("probability", l.probability());
      m.put("intercept", l.intercept());
      m.put("score", l.score());
      m.put("local_pred", l.localPrediction());
      Informativeness info = l.informativeness();
      m.put("output_range", info.range());
      m.put("top_weight_fraction", info.topWeightFraction());
      m.put("saturated", info.saturated());
      if (info.saturated()) {
        m.put("warning", info.warning());
      }
      List<Map<String, Object>> ranked = new ArrayList<>();
      int[] ranking = l.ranking();
      for (int rank = 0; rank < ranking.length; rank++) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("rank", rank + 1);
        w.put("superpixel", ranking[rank]);
        w.put("weight", l.weights()[ranking[rank]]);
        ranked.add(w);
      }
      m.put("weights", ranked);
      labels.add(m);
    }
    o.put("labels", labels);
    if (stability != null) {
      o.put("stability", stability(stability));
    }
    if (agreement != null) {
      o.put("agreement", AttributionJson.agreement(agreement));
    }
    if (adversarial != null) {
      o.put("adversarial", adversarial(adversarial));
    }
    return pretty(o);
  }

  /** Indented JSON with "\n" line ends and a final newline, the same on every platform. */
  static String pretty(Object o) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    try {
      return JSON.writer(printer).writeValueAsString(o) + "\n";
    } catch (IOException ex) {
      throw new IllegalStateException("maps of numbers and strings always serialise", ex);
    }
  }

  /**
   * Both weight sets of the clean class per superpixel and their shift, ranked by |shift|, with the
   * class the model gives the adversarial image and the evidence-shift score.
   */
  private static Map<String, Object> adversarial(Adversarial a) {
    EvidenceShift s = a.shift();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("attack", a.attack());
    m.put("epsilon", a.epsilon());
    m.put("explained_label", s.cleanWeights().className());
    m.put("adversarial_label", s.adversarialTop().className());
    m.put("adversarial_probability", s.adversarialTop().probability());
    m.put("explained_label_probability", s.adversarialWeights().probability());
    m.put("surrogate_score", s.adversarialWeights().score());
    m.put("evidence_shift_score", s.score());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int id : LabelExplanation.byMagnitude(s.shift())) {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("superpixel", id);
      w.put("clean_weight", s.cleanWeights().weights()[id]);
      w.put("adversarial_weight", s.adversarialWeights().weights()[id]);
      w.put("shift", s.shift()[id]);
      rows.add(w);
    }
    m.put("superpixels", rows);
    return m;
  }

  private static Map<String, Object> stability(Stability s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seeds", s.seeds());
    m.put("label", s.first().label(s.label()).orElseThrow().className());
    m.put("top_k", s.topK());
    m.put("top_k_overlap", s.topKOverlap());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int id : LabelExplanation.byMagnitude(s.mean())) {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("superpixel", id);
      w.put("mean", s.mean()[id]);
      w.put("spread", s.spread()[id]);
      rows.add(w);
    }
    m.put("superpixels", rows);
    return m;
  }

  /** The settings that change the result (the batch size only changes the speed). */
  static Map<String, Object> settings(LimeSettings s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("samples", s.samples());
    m.put("kernel_width", s.kernelWidth());
    m.put("top_labels", s.topLabels());
    m.put("hide_colour", s.hideColour() == null ? "mean" : s.hideColour());
    m.put("ridge_alpha", s.ridgeAlpha());
    QuickshiftSettings q = s.segmentation();
    Map<String, Object> quickshift = new LinkedHashMap<>();
    quickshift.put("kernel_size", q.kernelSize());
    quickshift.put("max_dist", q.maxDist());
    quickshift.put("ratio", q.ratio());
    quickshift.put("convert_to_lab", q.convertToLab());
    quickshift.put("seed", q.seed());
    m.put("quickshift", quickshift);
    m.put("seed", s.seed());
    return m;
  }

  /** Writes the explanation to {@code file}. */
  public static void write(String imageName, Explanation e, Path file) throws IOException {
    Files.writeString(file, of(imageName, e));
  }

  /** Writes the explanation and its K-seed summary to {@code file}. */
  public static void write(String imageName, Explanation e, Stability stability, Path file)
      throws IOException {
    Files.writeString(file, of(imageName, e, stability));
  }

  /** Writes the explanation, its K-seed summary and its agreement (either may be null). */
  public static void write(
      String imageName, Explanation e, Stability stability, Agreement agreement, Path file)
      throws IOException {
    Files.writeString(file, of(imageName, e, stability, agreement));
  }
}
