package org.aslwb.ui.attack;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.aslwb.attack.AttackFrames;
import org.aslwb.attack.SweepResult;
import org.aslwb.attack.SweepSettings;
import org.aslwb.attack.ValidationSweep;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.export.AttackFiles;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.aslwb.ui.Workspace;
import org.aslwb.ui.common.TaskRunner;

/**
 * The Attack tab's accuracy-against-epsilon chart: one curve per sweep ({@link ValidationSweep}
 * runs them, in the background), and their export ({@link AttackFiles}).
 */
public final class SweepCurvesViewModel {
  /** Images per sweep by default (the first N of the validation split). */
  public static final int DEFAULT_LIMIT = 290;

  private static final double[] SWEEP_EPS = {
    0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3
  };

  private final Workspace workspace;
  private final StringProperty message;
  private final ObservableStringValue method;
  private final Supplier<String> goal;
  private final ObservableList<XYChart.Series<Number, Number>> curves =
      FXCollections.observableArrayList();
  private final StringProperty limit = new SimpleStringProperty(Integer.toString(DEFAULT_LIMIT));
  private final ObservableList<SweepResult> results = FXCollections.observableArrayList();

  /**
   * Curves over {@code workspace}'s model and data, swept with the tab's {@code method} towards its
   * {@code goal} (a class name, or null when untargeted); notices go to {@code message}.
   */
  SweepCurvesViewModel(
      Workspace workspace,
      StringProperty message,
      ObservableStringValue method,
      Supplier<String> goal) {
    this.workspace = workspace;
    this.message = message;
    this.method = method;
    this.goal = goal;
  }

  /** Sweeps accuracy against epsilon for the current model over the first N validation images. */
  public void sweep() {
    TrainedModel model = workspace.modelProperty().get();
    if (model == null) {
      message.set("Needs a model and a data set.");
      return;
    }
    Path file = workspace.modelFileProperty().get();
    sweep(file == null ? model.describe() : file.getFileName().toString(), (p, c) -> model);
  }

  /**
   * Sweeps another saved model over the same images and adds its curve to the chart, leaving the
   * workspace's model as it is (the seed report compares the CNN with DarkNet-53 this way).
   */
  public void compare(Path modelFile) {
    sweep(modelFile.getFileName().toString(), (p, c) -> ModelStore.load(modelFile));
  }

  private void sweep(String name, TaskRunner.Work<TrainedModel> model) {
    LoadedDataset shown = workspace.datasetProperty().get();
    if (shown == null) {
      message.set("Needs a model and a data set.");
      return;
    }
    SweepSettings settings;
    try {
      settings = new SweepSettings(SWEEP_EPS, Integer.parseInt(limit.get().trim()));
    } catch (NumberFormatException e) {
      message.set("Images: not a number");
      return;
    } catch (IllegalArgumentException e) {
      message.set("Images: " + e.getMessage());
      return;
    }
    String methodName = method.get();
    String goalName = goal.get();
    workspace
        .tasks()
        .run(
            methodName + " sweep of " + name,
            (p, c) ->
                ValidationSweep.run(
                    name,
                    model.run(p, c),
                    shown,
                    methodName,
                    goalName,
                    settings,
                    AttackFrames.SEED,
                    p,
                    c),
            this::addCurve,
            e -> message.set(e.getMessage()));
  }

  private void addCurve(SweepResult r) {
    results.add(r);
    XYChart.Series<Number, Number> s = new XYChart.Series<>();
    s.setName(String.format("%s %s (%d images)", r.model(), r.method(), r.images()));
    r.points().forEach(pt -> s.getData().add(new XYChart.Data<>(pt.epsilon(), pt.accuracy())));
    curves.add(s);
    message.set(
        String.format(
            "%s: %d images, %d gradient passes, %.1f s",
            s.getName(), r.images(), r.gradientPasses(), r.seconds()));
  }

  /** Removes all curves. */
  public void clearCurves() {
    results.clear();
    curves.clear();
  }

  /** Writes curve.csv and curve.png (all curves) and adversarial.png into {@code dir}. */
  public void export(Path dir) {
    PixelImage adv = workspace.adversarialProperty().get();
    List<SweepResult> copy = List.copyOf(results);
    workspace
        .tasks()
        .run(
            "exporting",
            (p, c) -> {
              AttackFiles.write(dir, copy, adv);
              return dir;
            },
            d -> message.set("Exported to " + d),
            e -> message.set("Export failed: " + e.getMessage()));
  }

  /** The sweeps so far, in the order run (the robustness views follow the latest). */
  public ObservableList<SweepResult> sweeps() {
    return results;
  }

  /** Chart series: one curve per sweep (the slider's marker is the view's, see ChartMarker). */
  public ObservableList<XYChart.Series<Number, Number>> curves() {
    return curves;
  }

  /** Images per sweep. */
  public StringProperty limitProperty() {
    return limit;
  }
}
