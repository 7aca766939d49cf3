package org.aslwb.report;

import java.nio.file.Path;
import java.util.List;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.model.TrainedModel;

/**
 * What a report is about.
 *
 * @param modelFile the model's file (named in the report and in its commands)
 * @param model the loaded model
 * @param dataFolder the evaluation data's folder, or null for a report without evaluation
 * @param data that folder loaded at the model's input size, or null
 * @param images the images to explain
 * @param skipped inputs that could not be used, with the reason (listed in the report)
 */
public record ReportInput(
    Path modelFile,
    TrainedModel model,
    Path dataFolder,
    LoadedDataset data,
    List<NamedImage> images,
    List<String> skipped) {
  /** Copies the lists. */
  public ReportInput {
    images = List.copyOf(images);
    skipped = List.copyOf(skipped);
  }

  /**
   * An image to explain.
   *
   * @param file where it came from (its name is shown)
   * @param photo the decoded photo, as the Explain tab takes it
   */
  public record NamedImage(Path file, PixelImage photo) {}
}
