package org.aslwb.ui;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.aslwb.data.DaemonThreads;
import org.aslwb.ui.common.TaskRunner;

/** The desktop app: one window, five tabs, a status bar. */
public final class WorkbenchApp extends Application {
  private ExecutorService executor;

  @Override
  public void start(Stage stage) throws IOException {
    executor = Executors.newSingleThreadExecutor(DaemonThreads.named("workbench-task"));
    Workspace workspace = new Workspace(new TaskRunner(executor, Platform::runLater));
    stage.setScene(new Scene(load(workspace), 1280, 860));
    stage.setTitle("ASL Workbench");
    stage.show();
    MainViewModel.startUp(workspace);
  }

  /** Loads the main view with controllers wired to {@code workspace} (tests call this). */
  public static Parent load(Workspace workspace) throws IOException {
    FXMLLoader loader = new FXMLLoader(WorkbenchApp.class.getResource("/fxml/main.fxml"));
    loader.setControllerFactory(new Controllers(workspace));
    Parent root = loader.load();
    root.getStylesheets()
        .add(WorkbenchApp.class.getResource("/styles/workbench.css").toExternalForm());
    return root;
  }

  @Override
  public void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
