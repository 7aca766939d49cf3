package org.aslwb.ui.evaluate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.LoadedDataset;
import org.aslwb.evaluation.Evaluator;
import org.aslwb.evaluation.ShiftReport;
import org.aslwb.evaluation.ShiftSuite;
import org.aslwb.export.ShiftsCsv;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.JobService;
import org.aslwb.ui.Workspace;

/**
 * The Evaluate tab's shift suite: accuracy under natural corruptions at three severities, beside
 * the clean accuracy, over the model's validation split of the workspace data set.
 */
public final class ShiftsViewModel {
  /**
   * One corruption's row.
   *
   * @param shift the corruption
   * @param settings its parameter at severities 1..3
   * @param severity1 accuracy at severity 1
   * @param severity2 accuracy at severity 2
   * @param severity3 accuracy at severity 3
   */
  public record Row(
      String shift, String settings, double severity1, double severity2, double severity3) {}

  private final Workspace workspace;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final StringProperty seed = new SimpleStringProperty("1");
  private final StringProperty summary = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");
  private final BooleanProperty running = new SimpleBooleanProperty(false);
  private final ObjectProperty<ShiftReport> report = new SimpleObjectProperty<>();
  private volatile Cancellation cancellation;

  /** A view model over the shared workspace. */
  public ShiftsViewModel(Workspace workspace) {
    this.workspace = workspace;
    workspace.modelProperty().addListener((o, was, m) -> clear());
    workspace.datasetProperty().addListener((o, was, d) -> clear());
  }

  /** Runs the suite in the background over the model's validation split. */
  public void run() {
    TrainedModel model = workspace.modelProperty().get();
    LoadedDataset shown = workspace.datasetProperty().get();
    if (model == null || shown == null) {
      message.set("Needs a model and a data set.");
      return;
    }
    long seedValue;
    try {
      seedValue = Long.parseLong(seed.get().trim());
    } catch (NumberFormatException e) {
      message.set("Seed: not a whole number: \"" + seed.get() + "\"");
      return;
    }
    var pre = model.metadata().preprocessing();
    message.set("");
    running.set(true);
    cancellation = new Cancellation();
    workspace
        .tasks()
        .run(
            JobService.Lane.BACKGROUND,
            "shift suite",
            cancellation,
            (progress, cancel) -> {
              LoadedDataset data =
                  new DatasetLoader().atSize(shown, pre.width(), pre.height(), progress, cancel);
              int[] indices = Evaluator.validationIndices(model.metadata(), data);
              String split = indices.length == data.size() ? "all" : "val";
              return new ShiftSuite()
                  .run(model.classifier(), data, indices, split, seedValue, progress, cancel);
            },
            this::show,
            e -> message.set(e.getMessage()),
            () -> running.set(false));
  }

  /** Stops a running suite after the corruption in progress. */
  public void cancel() {
    Cancellation c = cancellation;
    if (c != null) {
      c.cancel();
    }
  }

  private void show(ShiftReport r) {
    report.set(r);
    List<Row> out = new ArrayList<>();
    var scores = r.scores();
    for (int i = 0; i + 2 < scores.size(); i += 3) {
      out.add(
          new Row(
              scores.get(i).shift(),
              scores.get(i).setting()
                  + " / "
                  + scores.get(i + 1).setting()
                  + " / "
                  + scores.get(i + 2).setting(),
              scores.get(i).accuracy(),
              scores.get(i + 1).accuracy(),
              scores.get(i + 2).accuracy()));
    }
    rows.setAll(out);
    summary.set(
        String.format(
            Locale.ROOT,
            "clean accuracy %.4f, mean over shifts %.4f (%d images, %s split, seed %d, %.1f s)",
            r.cleanAccuracy(),
            r.meanAccuracy(),
            r.images(),
            r.split(),
            r.seed(),
            r.seconds()));
  }

  private void clear() {
    rows.clear();
    report.set(null);
    summary.set("");
  }

  /** Writes the last report as {@code shifts.csv} into {@code dir}. */
  public void export(Path dir) {
    ShiftReport r = report.get();
    if (r == null) {
      return;
    }
    workspace
        .tasks()
        .run(
            "exporting shifts",
            (p, c) -> {
              Files.createDirectories(dir);
              ShiftsCsv.write(r, dir.resolve("shifts.csv"));
              return dir.resolve("shifts.csv");
            },
            f -> message.set("Exported " + f),
            e -> message.set("Export failed: " + e.getMessage()));
  }

  /** One row per corruption. */
  public ObservableList<Row> rows() {
    return rows;
  }

  /** The seed of the corruptions' random draws, as typed. */
  public StringProperty seedProperty() {
    return seed;
  }

  /** Clean and mean accuracy line. */
  public StringProperty summaryProperty() {
    return summary;
  }

  /** Errors and notices. */
  public StringProperty messageProperty() {
    return message;
  }

  /** Whether the suite is running. */
  public BooleanProperty runningProperty() {
    return running;
  }

  /** The last report (null before a run). */
  public ObjectProperty<ShiftReport> reportProperty() {
    return report;
  }
}
