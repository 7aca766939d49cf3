package org.aslwb.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.ImageDecoder;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.explain.ExplainInput;
import org.aslwb.model.Engine;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;

/** Start-up: the engine, the demo model and the demo data, all off the FX thread. */
final class MainViewModel {
  private MainViewModel() {}

  /** What start-up found: the engine, the demo model, its data and a first image to study. */
  private record Demo(
      Engine.EngineInfo engine,
      Path modelFile,
      TrainedModel model,
      LoadedDataset data,
      PixelImage photo,
      String imageName,
      boolean synthetic) {}

  /**
   * The image every tab starts on: in the demo data {@link DemoAssets#EXPLAIN_SAMPLE}, whose
   * explanation carries information, else the data set's first image; null when it has none.
   */
  static Path openingImage(LoadedDataset data, boolean demo) {
    if (data.size() == 0) {
      return null;
    }
    if (demo) {
      for (var sample : data.samples()) {
        if (sample.file().endsWith(DemoAssets.EXPLAIN_SAMPLE)) {
          return sample.file();
        }
      }
    }
    return data.samples().get(0).file();
  }

  /** The remembered path under {@code key} when it still exists, else {@code fallback}. */
  private static Path remembered(Workspace workspace, String key, Path fallback) {
    String value = workspace.settings().get(key, "");
    return !value.isEmpty() && Files.exists(Path.of(value)) ? Path.of(value) : fallback;
  }

  /** Starts the engine and opens the demo; the UI is usable meanwhile. */
  static void startUp(Workspace workspace) {
    workspace
        .tasks()
        .run(
            "starting engine",
            (progress, cancel) -> {
              Engine.EngineInfo info = Engine.start();
              // the last model and data folder the user opened, else the demo's
              Path modelFile = remembered(workspace, Workspace.LAST_MODEL, DemoAssets.model());
              TrainedModel model = null;
              try {
                model =
                    Files.isRegularFile(modelFile) ? ModelStore.load(modelFile).warmedUp() : null;
              } catch (Exception e) {
                modelFile = DemoAssets.model();
                model =
                    Files.isRegularFile(modelFile) ? ModelStore.load(modelFile).warmedUp() : null;
              }
              Path dataFolder = remembered(workspace, Workspace.LAST_DATA, null);
              Path demo = dataFolder != null ? dataFolder : DemoAssets.data(progress, cancel);
              if (model == null) {
                return new Demo(info, modelFile, null, null, null, null, true);
              }
              LoadedDataset data =
                  new DatasetLoader()
                      .load(demo, model.metadata().preprocessing(), progress, cancel);
              Path first = openingImage(data, dataFolder == null);
              PixelImage photo =
                  first == null ? null : ExplainInput.fromPhoto(new ImageDecoder().decode(first));
              return new Demo(
                  info,
                  modelFile,
                  model,
                  data,
                  photo,
                  first == null ? null : first.getFileName().toString(),
                  dataFolder == null);
            },
            r -> {
              workspace.engineProperty().set(r.engine().describe());
              if (r.model() != null) {
                workspace.modelFileProperty().set(r.modelFile());
                workspace.modelProperty().set(r.model());
                workspace.datasetProperty().set(r.data());
                workspace
                    .noticeProperty()
                    .set(
                        !r.synthetic()
                            ? ""
                            : "Demo: SYNTHETIC hand-sign images drawn by the workbench's own generator, and a "
                                + "small CNN trained on them. Open your own data set (Data tab) or model (Evaluate tab) at any time.");
                if (r.photo() != null) {
                  // the name first: views re-label when the photo changes
                  workspace.imageNameProperty().set(r.imageName());
                  workspace.photoProperty().set(r.photo());
                }
              } else {
                workspace
                    .noticeProperty()
                    .set(
                        "No demo model found at "
                            + DemoAssets.model()
                            + ": train one in the Train tab.");
              }
            },
            e -> workspace.engineProperty().set("engine failed: " + e.getMessage()));
  }
}
