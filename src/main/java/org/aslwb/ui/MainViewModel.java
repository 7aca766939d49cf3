package org.aslwb.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.DatasetScanner;
import org.aslwb.data.LoadedDataset;
import org.aslwb.explain.ExplainInput;
import org.aslwb.model.Engine;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;

/** Start-up: the engine, the demo model and the demo data, all off the FX thread. */
final class MainViewModel {
  private MainViewModel() {}

  /** Starts the engine and opens the demo; the UI is usable meanwhile. */
  static void startUp(Workspace workspace) {
    workspace
        .tasks()
        .run(
            "starting engine",
            (progress, cancel) -> {
              Engine.EngineInfo info = Engine.start();
              Path modelFile = DemoAssets.model();
              TrainedModel model =
                  Files.isRegularFile(modelFile) ? ModelStore.load(modelFile) : null;
              Path demo = DemoAssets.data(progress, cancel);
              LoadedDataset data = null;
              if (model != null) {
                var p = model.metadata().preprocessing();
                data =
                    new DatasetLoader()
                        .load(
                            DatasetScanner.scan(demo),
                            p.width(),
                            p.height(),
                            p.channels(),
                            progress,
                            cancel);
              }
              return new Object[] {info, model, data, modelFile};
            },
            r -> {
              workspace.engineProperty().set(((Engine.EngineInfo) r[0]).describe());
              if (r[1] != null) {
                workspace.modelFileProperty().set((Path) r[3]);
                workspace.modelProperty().set((TrainedModel) r[1]);
                LoadedDataset data = (LoadedDataset) r[2];
                workspace.datasetProperty().set(data);
                workspace
                    .noticeProperty()
                    .set(
                        "Demo: SYNTHETIC hand-sign images drawn by the workbench's own generator, and a "
                            + "small CNN trained on them. Open your own data set (Data tab) or model (Evaluate tab) at any time.");
                if (data != null && data.size() > 0) {
                  try {
                    var file = data.samples().get(0).file();
                    workspace
                        .photoProperty()
                        .set(
                            ExplainInput.fromPhoto(new org.aslwb.data.ImageDecoder().decode(file)));
                    workspace.imageNameProperty().set(file.getFileName().toString());
                  } catch (org.aslwb.data.UnreadableImageException e) {
                    workspace.tasks().statusProperty().set(e.getMessage());
                  }
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
