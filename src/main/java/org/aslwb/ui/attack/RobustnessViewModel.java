package org.aslwb.ui.attack;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import javafx.scene.image.Image;
import org.aslwb.attack.Attack;
import org.aslwb.attack.CurvePoint;
import org.aslwb.attack.ImageEpsilon;
import org.aslwb.attack.MinimalEpsilon;
import org.aslwb.attack.MinimalEpsilonResult;
import org.aslwb.attack.SweepResult;
import org.aslwb.attack.TransferMatrix;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.LoadedDataset;
import org.aslwb.evaluation.Evaluator;
import org.aslwb.export.AttackFiles;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.aslwb.ui.Workspace;
import org.aslwb.ui.common.Images;

/**
 * The Attack tab's robustness views: per-class robust accuracy and the adversarial confusion at the
 * slider's epsilon (from the latest sweep), minimal flipping epsilons, and a transfer matrix.
 */
public final class RobustnessViewModel {
  /** Images of the minimal-epsilon search and the transfer matrix (the first N of validation). */
  static final int IMAGES = 290;

  static final double BUDGET = 0.3;
  static final int BINS = 10;
  static final int GALLERY = 6;

  /** One row of the per-class table. */
  public record ClassRow(String className, long images, double accuracy) {}

  /** One image of the fragile gallery. */
  public record Fragile(Image image, String caption) {}

  /** A minimal-epsilon result with its gallery images, made off the UI thread. */
  private record MinimalView(MinimalEpsilonResult result, List<Fragile> gallery) {}

  private final Workspace workspace;
  private final ObservableList<ClassRow> perClass = FXCollections.observableArrayList();
  private final ObjectProperty<CurvePoint> point = new SimpleObjectProperty<>();
  private final StringProperty pointText = new SimpleStringProperty("Run a sweep to see these.");
  private final ObservableList<XYChart.Data<String, Number>> histogram =
      FXCollections.observableArrayList();
  private final ObservableList<Fragile> fragile = FXCollections.observableArrayList();
  private final StringProperty minEpsText = new SimpleStringProperty("");
  private final StringProperty transferText = new SimpleStringProperty("");
  private final StringProperty transferEps = new SimpleStringProperty("0.03");
  private final StringProperty message = new SimpleStringProperty("");
  private final ObjectProperty<MinimalEpsilonResult> minimal = new SimpleObjectProperty<>();
  private final ObjectProperty<TransferMatrix.Result> transfer = new SimpleObjectProperty<>();
  private List<String> classNames = List.of();
  private SweepResult shownSweep;
  private List<String> modelClassNames = List.of();

  /** A view model over the shared workspace. */
  public RobustnessViewModel(Workspace workspace) {
    this.workspace = workspace;
  }

  /** Follows the slider's {@code epsilon} over the latest of {@code sweeps} (the last added). */
  public void follow(DoubleProperty epsilon, ObservableList<SweepResult> sweeps) {
    Runnable update =
        () -> show(epsilon.get(), sweeps.isEmpty() ? null : sweeps.get(sweeps.size() - 1));
    epsilon.addListener((o, a, b) -> update.run());
    sweeps.addListener((ListChangeListener<SweepResult>) c -> update.run());
    update.run();
  }

  /** Shows the swept point nearest {@code eps} of {@code sweep}'s curve. */
  void show(double eps, SweepResult sweep) {
    if (sweep == null) {
      shownSweep = null;
      perClass.clear();
      point.set(null);
      pointText.set("Run a sweep to see per-class robust accuracy and the adversarial confusion.");
      return;
    }
    CurvePoint nearest = sweep.points().get(0);
    for (CurvePoint p : sweep.points()) {
      if (Math.abs(p.epsilon() - eps) < Math.abs(nearest.epsilon() - eps)) {
        nearest = p;
      }
    }
    String text =
        String.format(
            "%s %s at eps %.3f (the swept epsilon nearest the slider's %.3f): accuracy %.3f",
            sweep.model(), sweep.method(), nearest.epsilon(), eps, nearest.accuracy());
    if (sweep == shownSweep && nearest == point.get()) {
      // the slider moved within the same swept point: the table and heat map stay as they are
      // (redrawing them at every slider event would load the FX thread during a drag)
      pointText.set(text);
      return;
    }
    shownSweep = sweep;
    classNames = sweep.classNames();
    modelClassNames = modelClasses(sweep, nearest);
    List<ClassRow> rows = new java.util.ArrayList<>();
    for (int c = 0; c < classNames.size(); c++) {
      long images = 0;
      for (long n : nearest.confusion()[c]) {
        images += n;
      }
      if (images > 0) {
        rows.add(new ClassRow(classNames.get(c), images, nearest.perClassAccuracy()[c]));
      }
    }
    perClass.setAll(rows);
    point.set(nearest);
    pointText.set(text);
  }

  private List<String> modelClasses(SweepResult sweep, CurvePoint p) {
    TrainedModel m = workspace.modelProperty().get();
    int columns = p.confusion().length == 0 ? 0 : p.confusion()[0].length;
    if (m != null && m.metadata().classNames().size() == columns) {
      return m.metadata().classNames();
    }
    return columns == sweep.classNames().size() ? sweep.classNames() : numbered(columns);
  }

  private static List<String> numbered(int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(Integer::toString).toList();
  }

  /** Finds each validation image's minimal flipping FGSM epsilon with the current model. */
  public void minimalEpsilon() {
    TrainedModel model = workspace.modelProperty().get();
    LoadedDataset shown = workspace.datasetProperty().get();
    if (model == null || shown == null) {
      message.set("Needs a model and a data set.");
      return;
    }
    String name = modelName();
    workspace
        .tasks()
        .run(
            "minimal epsilon",
            (p, c) -> {
              LoadedDataset data = atModelSize(model, shown, p, c);
              int[] indices = first(Evaluator.validationIndices(model.metadata(), data));
              MinimalEpsilonResult r =
                  new MinimalEpsilon().run(name, model.classifier(), data, indices, BUDGET, p, c);
              List<Fragile> gallery = new java.util.ArrayList<>();
              for (ImageEpsilon e : r.mostFragile(GALLERY)) {
                gallery.add(
                    new Fragile(
                        Images.of(data.image(e.index())),
                        String.format(
                            "%s: %s -> %s at %.3g",
                            e.file(), e.trueClass(), e.adversarialClass(), e.epsilon())));
              }
              return new MinimalView(r, gallery);
            },
            v -> showMinimal(v.result(), v.gallery()),
            e -> message.set(e.getMessage()));
  }

  private void showMinimal(MinimalEpsilonResult r, List<Fragile> gallery) {
    minimal.set(r);
    long[] counts = r.histogram(BINS);
    List<XYChart.Data<String, Number>> bars = new java.util.ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      bars.add(new XYChart.Data<>(String.format("%.2f", (b + 1) * BUDGET / BINS), counts[b]));
    }
    bars.add(new XYChart.Data<>("never", r.neverFlipped()));
    histogram.setAll(bars);
    fragile.setAll(gallery);
    double median = r.median();
    minEpsText.set(
        String.format(
            "%d images, median minimal epsilon %s; %d never flipped up to %.2f, %d misclassified"
                + " already, %d flipped under one grey level (lost when saved as 8-bit) (%.1f s)",
            r.images().size(),
            Double.isFinite(median) ? String.format("%.4f", median) : "above the budget",
            r.neverFlipped(),
            r.budget(),
            r.misclassified(),
            r.belowOneGreyLevel(),
            r.seconds()));
  }

  /** Scores adversarial images made on the current model on {@code other} and back. */
  public void transfer(Path other) {
    TrainedModel model = workspace.modelProperty().get();
    LoadedDataset shown = workspace.datasetProperty().get();
    double eps;
    try {
      eps = Double.parseDouble(transferEps.get().trim());
      if (!(eps >= 0 && eps <= 1)) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      message.set("Transfer epsilon: a number in [0, 1]");
      return;
    }
    if (model == null || shown == null) {
      message.set("Needs a model and a data set.");
      return;
    }
    String name = modelName();
    workspace
        .tasks()
        .run(
            "transfer",
            (p, c) -> {
              TrainedModel b = ModelStore.load(other);
              LoadedDataset data = atModelSize(model, shown, p, c);
              int[] indices = first(Evaluator.validationIndices(model.metadata(), data));
              return new TransferMatrix()
                  .run(
                      List.of(name, other.getFileName().toString()),
                      List.of(model.classifier(), b.classifier()),
                      Attack.parse("fgsm", false, 42),
                      data,
                      indices,
                      eps,
                      42,
                      p,
                      c);
            },
            this::showTransfer,
            e -> message.set(e.getMessage()));
  }

  private void showTransfer(TransferMatrix.Result r) {
    transfer.set(r);
    StringBuilder text =
        new StringBuilder(
            String.format(
                "FGSM at eps %.3f, %d images: accuracy of the column's model on images made on the"
                    + " row's%n",
                r.epsilon(), r.images()));
    text.append(String.format("%-28s", "made on \\ scored by"));
    r.models().forEach(m -> text.append(String.format("%-24s", m)));
    for (int s = 0; s < r.models().size(); s++) {
      text.append(String.format("%n%-28s", r.models().get(s)));
      for (int t = 0; t < r.models().size(); t++) {
        text.append(String.format("%-24.3f", r.accuracy()[s][t]));
      }
    }
    transferText.set(text.toString());
  }

  /** Writes min_eps.csv and transfer.csv (those computed) into {@code dir}. */
  public void export(Path dir) {
    MinimalEpsilonResult m = minimal.get();
    TransferMatrix.Result t = transfer.get();
    if (m == null && t == null) {
      message.set("Nothing to export yet: find minimal epsilons or a transfer matrix first.");
      return;
    }
    workspace
        .tasks()
        .run(
            "exporting",
            (p, c) -> {
              AttackFiles.writeRobustness(dir, m == null ? List.of() : List.of(m), t);
              return dir;
            },
            d -> message.set("Exported to " + d),
            e -> message.set("Export failed: " + e.getMessage()));
  }

  private String modelName() {
    Path file = workspace.modelFileProperty().get();
    return file == null
        ? workspace.modelProperty().get().describe()
        : file.getFileName().toString();
  }

  private static LoadedDataset atModelSize(
      TrainedModel model,
      LoadedDataset shown,
      org.aslwb.task.ProgressListener p,
      org.aslwb.task.Cancellation c)
      throws java.io.IOException {
    var pre = model.metadata().preprocessing();
    return new DatasetLoader().atSize(shown, pre.width(), pre.height(), p, c);
  }

  private static int[] first(int[] indices) {
    return java.util.Arrays.copyOf(indices, Math.min(IMAGES, indices.length));
  }

  /** Per-class robust accuracy at the shown epsilon. */
  public ObservableList<ClassRow> perClass() {
    return perClass;
  }

  /** The shown curve point (its adversarial confusion), or null. */
  public ObjectProperty<CurvePoint> pointProperty() {
    return point;
  }

  /** The data set's classes (the confusion's rows). */
  public List<String> classNames() {
    return classNames;
  }

  /** The model's classes (the confusion's columns). */
  public List<String> modelClassNames() {
    return modelClassNames;
  }

  /** What the table and heat map show. */
  public StringProperty pointTextProperty() {
    return pointText;
  }

  /** Histogram bars of the minimal epsilons, the last one "never". */
  public ObservableList<XYChart.Data<String, Number>> histogram() {
    return histogram;
  }

  /** The most fragile images. */
  public ObservableList<Fragile> fragile() {
    return fragile;
  }

  /** Median and counts of the minimal epsilons. */
  public StringProperty minEpsTextProperty() {
    return minEpsText;
  }

  /** The transfer matrix as text. */
  public StringProperty transferTextProperty() {
    return transferText;
  }

  /** Epsilon of the transfer matrix. */
  public StringProperty transferEpsProperty() {
    return transferEps;
  }

  /** Notices. */
  public StringProperty messageProperty() {
    return message;
  }

  /** The latest minimal-epsilon result. */
  public ObjectProperty<MinimalEpsilonResult> minimalProperty() {
    return minimal;
  }

  /** The latest transfer matrix. */
  public ObjectProperty<TransferMatrix.Result> transferProperty() {
    return transfer;
  }
}
