package org.aslwb.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.aslwb.TinyModels;
import org.aslwb.data.ImageDecoder;
import org.aslwb.explain.ExplainInput;
import org.aslwb.ui.common.TaskRunner;

/** Workspaces for view-model and TestFX tests: same-thread tasks, the tiny model and its data. */
public final class UiFixtures {
  private UiFixtures() {}

  /**
   * Shows the whole window over a same-thread workspace holding the tiny demo (image of class
   * {@code letter}), and selects the tab named {@code tab}. Call from a TestFX {@code @Start}.
   */
  public static Workspace showWindow(Stage stage, String letter, String tab) throws Exception {
    Workspace workspace = sameThreadWorkspace();
    Parent root = WorkbenchApp.load(workspace);
    stage.setScene(new Scene(root, 1280, 900));
    stage.show();
    openTinyDemo(workspace, letter);
    TabPane tabs = (TabPane) root.lookup("#tabs");
    tabs.getTabs().stream()
        .filter(t -> t.getText().equals(tab))
        .findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t));
    return workspace;
  }

  /** A workspace whose background work runs on the calling thread. */
  public static Workspace sameThreadWorkspace() {
    return new Workspace(new TaskRunner(org.aslwb.task.JobService.inline(), Runnable::run));
  }

  /**
   * Opens the tiny trained model, its data set and the first image of class {@code letter}, in the
   * order the app's start-up does (views listening to the workspace react as they would).
   */
  public static void openTinyDemo(Workspace workspace, String letter) throws Exception {
    workspace.modelFileProperty().set(TinyModels.trainedCnn());
    workspace.modelProperty().set(TinyModels.model());
    workspace.datasetProperty().set(TinyModels.load(TinyModels.data()));
    Path image = firstImageOf(letter);
    workspace.imageNameProperty().set(image.getFileName().toString());
    workspace.photoProperty().set(ExplainInput.fromPhoto(new ImageDecoder().decode(image)));
  }

  /** The first image file of one class of the tiny data set. */
  public static Path firstImageOf(String letter) throws Exception {
    try (Stream<Path> files = Files.list(TinyModels.data().resolve(letter))) {
      return files.sorted().findFirst().orElseThrow();
    }
  }
}
