package org.aslwb.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aslwb.data.PixelImage;
import org.aslwb.explain.AttributionMap;
import org.aslwb.explain.Explanation;
import org.aslwb.explain.OverlayRenderer;

/**
 * The Explain artefacts of {@code aslwb explain --out} and the Explain tab's export, one writer.
 */
public final class ExplanationFiles {
  private ExplanationFiles() {}

  /**
   * Writes segments.png, overlay.png (the superpixels {@code shown}) and weights.json of the top
   * label of {@code e}, made on {@code image} (named {@code imageName}), into {@code dir}.
   */
  public static void write(
      Path dir, String imageName, PixelImage image, Explanation e, boolean[] shown)
      throws IOException {
    write(dir, image, e, shown, WeightsJson.of(imageName, e));
  }

  /**
   * Writes segments.png, overlay.png (the superpixels {@code shown}) of the top label of {@code e},
   * made on {@code image}, and {@code weightsJson} (from {@link WeightsJson}, with any K-seed
   * stability or agreement) as weights.json into {@code dir}.
   */
  public static void write(
      Path dir, PixelImage image, Explanation e, boolean[] shown, String weightsJson)
      throws IOException {
    Files.createDirectories(dir);
    var seg = e.segmentation();
    Png.write(
        Png.image(OverlayRenderer.boundaries(image, seg), seg.width(), seg.height()),
        dir.resolve("segments.png"));
    Png.write(
        Png.image(
            OverlayRenderer.weights(image, seg, e.top().weights(), shown),
            seg.width(),
            seg.height()),
        dir.resolve("overlay.png"));
    Files.writeString(dir.resolve("weights.json"), weightsJson);
  }

  /**
   * Writes a gradient method's heat map of {@code map} over {@code image} as overlay.png and {@code
   * attributionJson} (from {@link AttributionJson}) as attribution.json into {@code dir}.
   */
  public static void writeAttribution(
      Path dir, PixelImage image, AttributionMap map, String attributionJson) throws IOException {
    Files.createDirectories(dir);
    Png.write(
        Png.image(OverlayRenderer.heat(image, map), image.width(), image.height()),
        dir.resolve("overlay.png"));
    Files.writeString(dir.resolve("attribution.json"), attributionJson);
  }
}
