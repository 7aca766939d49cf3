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
import org.aslwb.explain.Explanation;
import org.aslwb.explain.LabelExplanation;
import org.aslwb.explain.LimeSettings;
import org.aslwb.explain.QuickshiftSettings;

/**
 * {@code weights.json}: a LIME explanation as the image's file name, the superpixel count, every
 * setting that made it (seeds included), and per explained label its surrogate's scores and the
 * superpixels ranked by |weight|. Keys are in a fixed order and nothing depends on the clock, so
 * the same inputs give the same bytes.
 */
public final class WeightsJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WeightsJson() {}

  /** The explanation of the image named {@code imageName} as JSON text (ends with a newline). */
  public static String of(String imageName, Explanation e) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("image", imageName);
    o.put("superpixels", e.segmentation().count());
    o.put("settings", settings(e.settings()));
    List<Map<String, Object>> labels = new ArrayList<>();
    for (LabelExplanation l : e.labels()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("label", l.className());
      m.put("probability", l.probability());
      m.put("intercept", l.intercept());
      m.put("score", l.score());
      m.put("local_pred", l.localPrediction());
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
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    try {
      return JSON.writer(printer).writeValueAsString(o) + "\n";
    } catch (IOException ex) {
      throw new IllegalStateException("maps of numbers and strings always serialise", ex);
    }
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
}
