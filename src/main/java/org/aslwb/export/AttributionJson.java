package org.aslwb.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aslwb.explain.Agreement;
import org.aslwb.explain.AttributionMap;
import org.aslwb.explain.LabelExplanation;
import org.aslwb.explain.Segmentation;

/**
 * {@code attribution.json}: a gradient explanation (Grad-CAM, saliency, SmoothGrad) as the image's
 * name, the method and what it was computed on, the explained class, the mean attribution of each
 * quickshift superpixel ranked, and, when LIME ran too, the rank correlation with LIME. Nothing
 * depends on the clock.
 */
public final class AttributionJson {
  private AttributionJson() {}

  /** The map over {@code segments} as JSON text; {@code agreement} may be null. */
  public static String of(
      String imageName, AttributionMap map, Segmentation segments, Agreement agreement) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("image", imageName);
    o.put("method", map.method());
    o.put("detail", map.detail());
    o.put("label", map.className());
    o.put("map_size", map.width() + "x" + map.height());
    o.put("superpixels", segments.count());
    double[] means = map.perSuperpixel(segments);
    List<Map<String, Object>> ranked = new ArrayList<>();
    int[] order = LabelExplanation.byMagnitude(means);
    for (int rank = 0; rank < order.length; rank++) {
      Map<String, Object> w = new LinkedHashMap<>();
      w.put("rank", rank + 1);
      w.put("superpixel", order[rank]);
      w.put("mean_attribution", means[order[rank]]);
      ranked.add(w);
    }
    o.put("attributions", ranked);
    if (agreement != null) {
      o.put("agreement", agreement(agreement));
    }
    return WeightsJson.pretty(o);
  }

  /** The agreement without timings (files hold no wall-clock figures). */
  static Map<String, Object> agreement(Agreement a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", a.method());
    m.put("label", a.label());
    m.put("spearman_with_lime", Double.isNaN(a.spearman()) ? null : a.spearman());
    return m;
  }

  /** Writes the map to {@code file}. */
  public static void write(
      String imageName, AttributionMap map, Segmentation segments, Agreement agreement, Path file)
      throws IOException {
    Files.writeString(file, of(imageName, map, segments, agreement));
  }
}
