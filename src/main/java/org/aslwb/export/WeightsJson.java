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
