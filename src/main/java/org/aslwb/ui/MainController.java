package org.aslwb.ui;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import org.aslwb.task.Job;
import org.aslwb.ui.common.JobTask;
import org.aslwb.ui.common.SelectedTabOnly;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.TaskProgressView;

/** The window frame: notices, tabs (included views), the jobs panel and the status bar. */
public final class MainController {
  private final Workspace workspace;
  @FXML private NotificationPane notice;
  @FXML private TabPane tabs;
  @FXML private StatusBar statusBar;
  @FXML private Label modelStatus;
  @FXML private Label engineStatus;
  @FXML private Button cancelTask;
  @FXML private ToggleButton showJobs;
  @FXML private ToggleButton darkTheme;
  @FXML private VBox jobsBox;
  @FXML private TaskProgressView<JobTask> jobs;

  MainController(Workspace workspace) {
    this.workspace = workspace;
  }

  @FXML
  private void initialize() {
    workspace.noticeProperty().addListener((o, a, text) -> show(text));
    workspace.tasks().failureProperty().addListener((o, a, text) -> show(text));
    modelStatus
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    workspace.modelProperty().get() == null
                        ? "no model"
                        : "Model: " + workspace.modelProperty().get().describe(),
                workspace.modelProperty()));
    engineStatus.textProperty().bind(workspace.engineProperty());
    statusBar.textProperty().bind(workspace.tasks().statusProperty());
    statusBar.progressProperty().bind(workspace.tasks().progressProperty());
    var current = workspace.tasks().currentProperty();
    cancelTask
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> current.get() == null ? "Cancel" : "Cancel " + current.get().name(),
                current));
    cancelTask.visibleProperty().bind(current.isNotNull());
    cancelTask.managedProperty().bind(cancelTask.visibleProperty());
    cancelTask.setOnAction(e -> workspace.tasks().cancelCurrent());
    showJobs.setSelected(true);
    showJobs
        .textProperty()
        .bind(Bindings.size(workspace.tasks().listedJobs()).asString("Jobs (%d)"));
    // shown while there are jobs, unless the user hides it
    jobsBox
        .visibleProperty()
        .bind(showJobs.selectedProperty().and(Bindings.isNotEmpty(workspace.tasks().listedJobs())));
    jobsBox.managedProperty().bind(jobsBox.visibleProperty());
    workspace.tasks().listedJobs().addListener((ListChangeListener<Job<?>>) c -> addMirrors(c));
    darkTheme.selectedProperty().bindBidirectional(workspace.darkThemeProperty());
    notice.sceneProperty().addListener((o, was, scene) -> shortcuts(scene));
    // views in hidden tabs hold back their chart updates until shown (ShownMirror)
    workspace
        .shownTabProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  Tab shown = tabs.getSelectionModel().getSelectedItem();
                  return shown == null ? "" : shown.getText();
                },
                tabs.getSelectionModel().selectedItemProperty()));
    SelectedTabOnly.apply(tabs);
  }

  /** Ctrl+O opens an image (in the tab shown, else Evaluate), Ctrl+M a model, Ctrl+D data. */
  private void shortcuts(Scene scene) {
    if (scene == null) {
      return;
    }
    scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+O"), this::openImage);
    scene
        .getAccelerators()
        .put(KeyCombination.keyCombination("Shortcut+M"), () -> fire("#openModel", "Evaluate"));
    scene
        .getAccelerators()
        .put(KeyCombination.keyCombination("Shortcut+D"), () -> fire("#openFolder", "Data"));
  }

  private void openImage() {
    Tab shown = tabs.getSelectionModel().getSelectedItem();
    Node button = shown == null ? null : shown.getContent().lookup(".open-image");
    if (button instanceof Button b) {
      b.fire();
    } else {
      fire("#openImage", "Evaluate");
    }
  }

  private void fire(String id, String tab) {
    tabs.getTabs().stream()
        .filter(t -> t.getText().equals(tab))
        .findFirst()
        .ifPresent(t -> tabs.getSelectionModel().select(t));
    if (tabs.lookup(id) instanceof Button b) {
      b.fire();
    }
  }

  private void addMirrors(ListChangeListener.Change<? extends Job<?>> c) {
    while (c.next()) {
      c.getAddedSubList().forEach(job -> jobs.getTasks().add(JobTask.watch(job)));
    }
  }

  private void show(String text) {
    if (text == null || text.isEmpty()) {
      notice.hide();
    } else {
      notice.show(text);
    }
  }
}
