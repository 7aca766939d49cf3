package org.aslwb.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.aslwb.task.JobService;
import org.aslwb.ui.common.TaskRunner;

/** The desktop app: one window, five tabs, a jobs panel, a status bar. */
public final class WorkbenchApp extends Application {
  private JobService jobs;

  @Override
  public void start(Stage stage) throws IOException {
    jobs = JobService.forThisMachine();
    Workspace workspace =
        new Workspace(new TaskRunner(jobs, Platform::runLater), UserSettings.forThisUser());
    Parent root = load(workspace);
    WindowPlacement.restore(stage, workspace.settings());
    stage.setScene(new Scene(root, stage.getWidth(), stage.getHeight()));
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
    applyTheme(root, workspace.darkThemeProperty().get());
    workspace.darkThemeProperty().addListener((o, a, dark) -> applyTheme(root, dark));
    return root;
  }

  /** AtlantaFX Primer, light or dark; "dark" on the root lets our own CSS follow. */
  private static void applyTheme(Parent root, boolean dark) {
    Application.setUserAgentStylesheet(
        dark
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
    root.getStyleClass().remove("dark");
    if (dark) {
      root.getStyleClass().add("dark");
    }
  }

  @Override
  public void stop() {
    if (jobs != null) {
      jobs.close();
    }
  }
}
