package org.aslwb.ui.evaluate;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.model.TrainedModel;
import org.aslwb.report.HtmlReport;
import org.aslwb.report.ReportInput;
import org.aslwb.report.ReportMaker;
import org.aslwb.report.ReportSettings;
import org.aslwb.ui.Workspace;

/**
 * "Export report...": the workspace's model, data set and image through the report command's
 * defaults.
 */
final class ReportExport {
  private ReportExport() {}

  /**
   * Starts writing the report to {@code file} in the background; {@code message} hears the outcome
   * on the UI thread. {@code imageFile} is where the current image was opened from, when known.
   */
  static void start(Workspace workspace, Path imageFile, Path file, Consumer<String> message) {
    TrainedModel model = workspace.modelProperty().get();
    Path modelFile = workspace.modelFileProperty().get();
    if (model == null || modelFile == null) {
      message.accept("Needs a model opened from a file.");
      return;
    }
    LoadedDataset shown = workspace.datasetProperty().get();
    PixelImage photo = workspace.photoProperty().get();
    String name = workspace.imageNameProperty().get();
    // the explain command under the figure names the file, so prefer its full path
    Path image =
        imageFile != null && imageFile.getFileName().toString().equals(name)
            ? imageFile
            : Path.of(name.isEmpty() ? "image" : name);
    var pre = model.metadata().preprocessing();
    workspace
        .tasks()
        .run(
            "report",
            (p, c) -> {
              LoadedDataset data =
                  shown == null
                      ? null
                      : new DatasetLoader().atSize(shown, pre.width(), pre.height(), p, c);
              List<ReportInput.NamedImage> images =
                  photo == null ? List.of() : List.of(new ReportInput.NamedImage(image, photo));
              ReportInput input =
                  new ReportInput(
                      modelFile,
                      model,
                      data == null ? null : data.index().root(),
                      data,
                      images,
                      List.of());
              HtmlReport.write(
                  new ReportMaker().make(input, ReportSettings.defaults(), p, c), file);
              return file;
            },
            f -> message.accept("Report written to " + f),
            e -> message.accept("Report failed: " + e.getMessage()));
  }
}
