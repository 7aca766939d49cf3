package org.aslwb.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.aslwb.TinyModels;
import org.aslwb.data.ImageDecoder;
import org.aslwb.explain.ExplainInput;
import org.aslwb.task.JobService;
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

  /**
   * Shows the whole window over a workspace whose jobs run on a real {@link JobService} (two
   * workers and the training thread) and post to the FX thread, as in the app.
   */
  public static Workspace showWindowWithRealJobs(Stage stage, JobService jobs) throws Exception {
    Workspace workspace = new Workspace(new TaskRunner(jobs, Platform::runLater));
    Parent root = WorkbenchApp.load(workspace);
    stage.setScene(new Scene(root, 1280, 900));
    stage.show();
    return workspace;
  }

  /** Selects the tab named {@code tab} (call on the FX thread). */
  public static void select(Parent root, String tab) {
    TabPane tabs = (TabPane) root.lookup("#tabs");
    tabs.getTabs().stream()
        .filter(t -> t.getText().equals(tab))
        .findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t));
  }

  /**
   * Counts from now on the times {@code parent} is marked for layout (call on the FX thread): how
   * far layout requests travel is what a layout boundary is for.
   */
  public static AtomicInteger layoutRequests(Parent parent) {
    AtomicInteger count = new AtomicInteger();
    parent
        .needsLayoutProperty()
        .addListener(
            (o, was, now) -> {
              if (now) {
                count.incrementAndGet();
              }
            });
    return count;
  }

  /** Waits up to {@code seconds} for {@code condition}, checked on the FX thread. */
  public static void waitFor(
      double seconds, String what, java.util.function.BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < deadline) {
      java.util.concurrent.FutureTask<Boolean> check =
          new java.util.concurrent.FutureTask<>(condition::getAsBoolean);
      Platform.runLater(check);
      if (check.get()) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
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
