package org.aslwb.ui.train;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.LoadedDataset;
import org.aslwb.task.Cancellation;
import org.aslwb.task.JobService;
import org.aslwb.training.Trainer;
import org.aslwb.training.TrainingConfig;
import org.aslwb.training.TrainingResult;
import org.aslwb.ui.Workspace;

/**
 * The Train tab: a validated form ({@link TrainingForm}), start / stop / resume, and live curves
 * ({@link TrainingCurves}, fed at a bounded rate by {@link ChartFeed}).
 */
public final class TrainViewModel {
  private final Workspace workspace;
  private final TrainingForm form;
  private final TrainingCurves curves = new TrainingCurves();
  private final BooleanProperty dropEmptyClasses = new SimpleBooleanProperty(false);
  private final StringProperty emptyClasses = new SimpleStringProperty("");
  private final StringProperty speed = new SimpleStringProperty("");
  private final StringProperty eta = new SimpleStringProperty("");
  private final BooleanProperty running = new SimpleBooleanProperty(false);
  private final ObservableList<String> log = FXCollections.observableArrayList();
  private Cancellation cancellation;
  // answers "replace these files?"; the controller shows a dialog, tests answer directly
  private Predicate<String> overwriteConfirmation = question -> false;

  /** A view model over the shared workspace. */
  public TrainViewModel(Workspace workspace) {
    this.workspace = workspace;
    this.form = new TrainingForm(workspace);
    workspace.datasetProperty().addListener((o, a, b) -> showEmptyClasses(b));
    showEmptyClasses(workspace.datasetProperty().get());
  }

  private void showEmptyClasses(LoadedDataset data) {
    List<String> empty = data == null ? List.of() : data.emptyClasses();
    emptyClasses.set(
        empty.isEmpty()
            ? ""
            : "No usable images in " + String.join(", ", empty) + " (every file is unreadable)");
  }

  /**
   * Sets how the user is asked before a run replaces an existing model or checkpoint: the question
   * in, true to go ahead. Until set, such runs are refused.
   */
  public void setOverwriteConfirmation(Predicate<String> confirmation) {
    this.overwriteConfirmation = confirmation;
  }

  /** Starts training from scratch. */
  public void start() {
    run(false);
  }

  /** Continues from the output's checkpoint. */
  public void resume() {
    run(true);
  }

  /** Stops after the current batch; the last checkpoint allows resuming. */
  public void stop() {
    if (cancellation != null && running.get() && !cancellation.isCancelled()) {
      cancellation.cancel();
      // DL4J cannot interrupt a batch: the run stops when the one in progress is done
      log.add("stopping after the current batch...");
    }
  }

  private void run(boolean resume) {
    TrainingConfig config = form.config();
    LoadedDataset shown = workspace.datasetProperty().get();
    if (config == null) {
      return;
    }
    StringProperty formError = form.formErrorProperty();
    if (shown == null) {
      formError.set("Open a data set in the Data tab first.");
      return;
    }
    boolean drop = dropEmptyClasses.get();
    if (!drop && !shown.emptyClasses().isEmpty()) {
      formError.set(Trainer.emptyClassesMessage(shown.index().root(), shown.emptyClasses()));
      return;
    }
    Path out;
    try {
      out = Path.of(form.outputProperty().get());
      Trainer.checkOutputs(out);
    } catch (IllegalArgumentException e) {
      formError.set(e.getMessage());
      return;
    }
    List<Path> replaced = Trainer.filesReplacedBy(out, resume);
    if (!replaced.isEmpty() && !overwriteConfirmation.test(overwriteQuestion(replaced, resume))) {
      log.add("not started: " + out + " is kept");
      return;
    }
    if (!resume) {
      curves.clear();
    }
    running.set(true);
    log.add(
        (resume ? "resuming " : "training ") + config.architecture().displayName() + " -> " + out);
    ChartFeed feed = new ChartFeed(workspace.tasks(), curves, log, speed, eta, config.batchSize());
    cancellation = new Cancellation();
    workspace
        .tasks()
        .run(
            JobService.Lane.TRAINING,
            "training " + config.architecture().displayName(),
            cancellation,
            (progress, cancel) -> {
              feed.reportTo(progress, config.epochs());
              LoadedDataset data =
                  new DatasetLoader()
                      .atSize(shown, config.inputSize(), config.inputSize(), progress, cancel);
              return new Trainer()
                  .train(
                      drop ? data.withoutEmptyClasses() : data, config, out, resume, feed, cancel);
            },
            result -> {
              feed.flush();
              log.add(summary(result));
              if (result.bestEpoch() > 0) {
                useTrainedModel(out);
              }
            },
            e -> log.add("Training failed: " + e.getMessage()),
            () -> running.set(false));
  }

  private static String summary(TrainingResult result) {
    return String.format(
        "%s after %d epochs; best epoch %d, val accuracy %.4f (%s split)%s",
        result.stopReason(),
        result.epochsRun(),
        result.bestEpoch(),
        result.valAccuracy(),
        result.splitMethod(),
        result.calibration() == null
            ? ""
            : String.format(
                "; temperature %.2f, val ECE %.4f -> %.4f",
                result.calibration().temperature(),
                result.calibration().eceBefore(),
                result.calibration().eceAfter()));
  }

  private void useTrainedModel(Path out) {
    workspace.openModel(out, "loading trained model", m -> {}, log::add);
  }

  private static String overwriteQuestion(List<Path> replaced, boolean resume) {
    String files =
        String.join(" and ", replaced.stream().map(p -> p.getFileName().toString()).toList());
    return (resume
            ? "There is no checkpoint to resume from: training starts from epoch 1 and replaces "
            : "Training afresh replaces ")
        + files
        + " in "
        + replaced.get(0).toAbsolutePath().getParent()
        + ". Overwrite?";
  }

  /** The settings form. */
  public TrainingForm form() {
    return form;
  }

  /** Whether the Train tab is shown: its charts and log follow the curves only then. */
  public javafx.beans.binding.BooleanBinding tabShown() {
    return workspace.tabShown("Train");
  }

  /** The live curves. */
  public TrainingCurves curves() {
    return curves;
  }

  /** Whether classes whose files are all unreadable are left out of training. */
  public BooleanProperty dropEmptyClassesProperty() {
    return dropEmptyClasses;
  }

  /** Which classes of the open data set have no usable image; empty when none. */
  public StringProperty emptyClassesProperty() {
    return emptyClasses;
  }

  /** Images/s. */
  public StringProperty speedProperty() {
    return speed;
  }

  /** ETA. */
  public StringProperty etaProperty() {
    return eta;
  }

  /** Whether training runs. */
  public BooleanProperty runningProperty() {
    return running;
  }

  /** Log lines. */
  public ObservableList<String> log() {
    return log;
  }
}
