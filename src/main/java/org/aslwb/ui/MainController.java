package org.aslwb.ui;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

/** The window frame: notice, tabs (included views) and status bar. */
public final class MainController {
  private final Workspace workspace;
  @FXML private Label notice;
  @FXML private Label modelStatus;
  @FXML private Label engineStatus;
  @FXML private Label taskStatus;
  @FXML private ProgressBar taskProgress;
  @FXML private Button cancelTask;

  MainController(Workspace workspace) {
    this.workspace = workspace;
  }

  @FXML
  private void initialize() {
    notice.textProperty().bind(workspace.noticeProperty());
    notice.visibleProperty().bind(workspace.noticeProperty().isNotEmpty());
    notice.managedProperty().bind(notice.visibleProperty());
    modelStatus
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    workspace.modelProperty().get() == null
                        ? "no model"
                        : "Model: " + workspace.modelProperty().get().describe(),
                workspace.modelProperty()));
    engineStatus.textProperty().bind(workspace.engineProperty());
    taskStatus.textProperty().bind(workspace.tasks().statusProperty());
    taskProgress.progressProperty().bind(workspace.tasks().progressProperty());
    taskProgress.visibleProperty().bind(workspace.tasks().busyProperty());
    cancelTask.visibleProperty().bind(workspace.tasks().busyProperty());
    cancelTask.setOnAction(e -> workspace.tasks().cancelCurrent());
  }
}
