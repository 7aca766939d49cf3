package org.aslwb.ui.evaluate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.DatasetScanner;
import org.aslwb.data.LoadedDataset;
import org.aslwb.evaluation.ClassMetrics;
import org.aslwb.evaluation.Evaluation;
import org.aslwb.evaluation.EvaluationRun;
import org.aslwb.evaluation.EvaluationSplit;
import org.aslwb.evaluation.Prediction;
import org.aslwb.evaluation.Predictor;
import org.aslwb.evaluation.ScoredSample;
import org.aslwb.export.ConfusionCsv;
import org.aslwb.export.HeatMapImage;
import org.aslwb.export.PerClassCsv;
import org.aslwb.export.ReliabilityCsv;
import org.aslwb.model.ExternalTest;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.LatestWins;
import org.aslwb.ui.Workspace;
import org.aslwb.ui.common.Images;

/** The Evaluate tab: one image's prediction, and a split's confusion matrix and metrics. */
public final class EvaluateViewModel {
  /** Images in the batch grid (the seed report's batch view). */
  public static final int GRID = 128;

  /**
   * A thumbnail with its labels.
   *
   * @param image the picture
   * @param caption "true -> predicted (p)"
   * @param correct whether the prediction is right
   */
  public record Tile(Image image, String caption, boolean correct) {}

  private final Workspace workspace;
  private final ObjectProperty<Image> image = new SimpleObjectProperty<>();
  private final StringProperty letter = new SimpleStringProperty("?");
  private final StringProperty imageInfo =
      new SimpleStringProperty("Open an image, drop one here, or pick a sample.");
  private final ObservableList<Prediction.Ranked> top = FXCollections.observableArrayList();
  private final ObjectProperty<Evaluation> evaluation = new SimpleObjectProperty<>();
  private final BooleanProperty normalised = new SimpleBooleanProperty(false);
  private final StringProperty scores = new SimpleStringProperty("");
  private final ObservableList<ClassMetrics> perClass = FXCollections.observableArrayList();
  private final ObservableList<Tile> cellTiles = FXCollections.observableArrayList();
  private final StringProperty cellTitle = new SimpleStringProperty("");
  private final ObservableList<Tile> grid = FXCollections.observableArrayList();
  private final StringProperty message = new SimpleStringProperty("");
  private final CalibrationViewModel calibration = new CalibrationViewModel();
  private final ObservableList<ExternalTest> externalTests = FXCollections.observableArrayList();
  private final LatestWins<Classified> predictions;
  private final ModelLibraryViewModel library;

  /** A view model over the shared workspace. */
  public EvaluateViewModel(Workspace workspace) {
    this.workspace = workspace;
    this.predictions = workspace.tasks().latestWins("image prediction");
    this.library = new ModelLibraryViewModel(workspace, message);
    workspace
        .modelProperty()
        .addListener(
            (o, a, m) -> {
              evaluation.set(null);
              externalTests.setAll(m == null ? List.of() : m.metadata().externalTestsOrEmpty());
              reclassify();
            });
    workspace.photoProperty().addListener((o, a, p) -> reclassify());
  }

  /** Decodes an image file in the background and predicts it. */
  public void openImage(Path file) {
    message.set("");
    workspace.openImage(file, message::set);
  }

  /** A prediction made off the FX thread, with the image to show. */
  private record Classified(Image shown, Prediction prediction, double millis) {}

  /** Predicts the workspace's image off the FX thread; only the latest request is shown. */
  private void reclassify() {
    predictions.reset(); // no older image's or model's answer after this point
    TrainedModel model = workspace.modelProperty().get();
    var photo = workspace.photoProperty().get();
    if (photo == null) {
      return;
    }
    long generation = predictions.generation();
    String name = workspace.imageNameProperty().get();
    predictions.submit(
        (p, c) -> {
          Image shown = Images.of(photo);
          if (model == null) {
            return new Classified(shown, null, 0);
          }
          var pre = model.metadata().preprocessing();
          var input = org.aslwb.data.Resampler.resize(photo, pre.width(), pre.height());
          long t = System.nanoTime();
          Prediction prediction = new Predictor(model.classifier()).predict(input);
          return new Classified(shown, prediction, (System.nanoTime() - t) / 1e6);
        },
        r ->
            workspace
                .tasks()
                .onUi(
                    () -> {
                      if (generation == predictions.generation()) {
                        show(name, r);
                      }
                    }),
        e -> workspace.tasks().onUi(() -> message.set(e.getMessage())));
  }

  private void show(String name, Classified r) {
    image.set(r.shown());
    Prediction p = r.prediction();
    if (p == null) {
      letter.set("?");
      top.clear();
      return;
    }
    letter.set(p.label());
    top.setAll(p.top());
    imageInfo.set(
        String.format(
            "%s: %s with p = %.3f (%.1f ms)", name, p.label(), p.confidence(), r.millis()));
  }

  /**
   * Evaluates the model on the workspace data set in the background: its validation split when that
   * is the model's training data, all of it (labelled external, and kept in the model file)
   * otherwise.
   */
  public void evaluate() {
    LoadedDataset shown = workspace.datasetProperty().get();
    if (workspace.modelProperty().get() == null || shown == null) {
      message.set("Needs a model and a data set.");
      return;
    }
    run("evaluating", shown.index().root(), shown);
  }

  /**
   * Tests the model on another data set folder in the background: folders that match model classes
   * (in any case) are scored, others listed and skipped; the result is labelled external and kept
   * in the model file.
   */
  public void testOn(Path folder) {
    if (workspace.modelProperty().get() == null) {
      message.set("Open a model first.");
      return;
    }
    run("testing on " + folder.getFileName(), folder, null);
  }

  private void run(String title, Path folder, LoadedDataset loaded) {
    TrainedModel model = workspace.modelProperty().get();
    Path modelFile = workspace.modelFileProperty().get();
    workspace
        .tasks()
        .run(
            title,
            (progress, cancel) ->
                new EvaluationRun(new DatasetLoader())
                    .run(
                        model,
                        modelFile,
                        loaded != null ? loaded.index() : DatasetScanner.scan(folder),
                        loaded,
                        false,
                        progress,
                        cancel),
            r -> {
              if (model == workspace.modelProperty().get()) {
                show(r);
              }
            },
            e -> message.set(e.getMessage()));
  }

  private LoadedDataset evaluated;

  private void show(EvaluationRun.Result r) {
    Evaluation e = r.evaluation();
    evaluated = r.data();
    List<String> notes = new ArrayList<>();
    r.skippedFolders().forEach(f -> notes.add("Skipped folder " + f + "."));
    if (r.recorded() != null) {
      externalTests.add(r.recorded());
      notes.add("Kept with the model as an external test.");
    }
    if (r.recordProblem() != null) {
      notes.add(r.recordProblem());
    }
    message.set(String.join(" ", notes));
    evaluation.set(e);
    String where =
        e.split().equals(EvaluationSplit.EXTERNAL)
            ? "external: " + r.data().index().root().getFileName()
            : e.describeSplit();
    scores.set(
        String.format(
            "accuracy %.4f, macro F1 %.4f over %d images (%s), %.2f s",
            e.accuracy(), e.confusion().macroF1(), e.samples().size(), where, e.seconds()));
    calibration.show(e, where);
    perClass.setAll(e.confusion().perClass());
    grid.setAll(e.samples().stream().limit(GRID).map(this::tile).toList());
    cellTiles.clear();
    cellTitle.set("Click a cell to see its images.");
  }

  /** Shows the images of one confusion cell. */
  public void selectCell(int actual, int predicted) {
    Evaluation e = evaluation.get();
    if (e == null) {
      return;
    }
    var names = e.confusion().classNames();
    int column = predicted >= names.size() ? -1 : predicted;
    List<ScoredSample> samples = e.cell(actual, column);
    cellTitle.set(
        String.format(
            "true %s, predicted %s: %d images",
            names.get(actual), column < 0 ? "other" : names.get(column), samples.size()));
    cellTiles.setAll(samples.stream().limit(200).map(this::tile).toList());
  }

  private Tile tile(ScoredSample s) {
    String truth = evaluated.classNames().get(s.actual());
    return new Tile(
        Images.of(evaluated.image(s.sampleIndex())),
        String.format("%s -> %s (%.2f)", truth, s.predictedName(), s.confidence()),
        s.correct());
  }

  /** The confusion counts including the "other" column. */
  public long[][] confusionCounts() {
    var c = evaluation.get().confusion();
    long[][] counts = new long[c.size()][c.size() + 1];
    for (int r = 0; r < c.size(); r++) {
      for (int k = 0; k <= c.size(); k++) {
        counts[r][k] = c.count(r, k);
      }
    }
    return counts;
  }

  /**
   * Writes confusion.csv, per_class.csv, reliability.csv and heatmap.png (coloured as shown) into
   * {@code dir}.
   */
  public void export(Path dir) {
    Evaluation e = evaluation.get();
    if (e == null) {
      return;
    }
    boolean byRow = normalised.get();
    workspace
        .tasks()
        .run(
            "exporting",
            (p, c) -> {
              Files.createDirectories(dir);
              ConfusionCsv.write(e.confusion(), dir.resolve("confusion.csv"));
              PerClassCsv.write(e.confusion(), dir.resolve("per_class.csv"));
              HeatMapImage.write(e.confusion(), byRow, dir.resolve("heatmap.png"));
              ReliabilityCsv.write(e.calibration(), dir.resolve("reliability.csv"));
              return dir;
            },
            d -> message.set("Exported to " + d),
            ex -> message.set("Export failed: " + ex.getMessage()));
  }

  /**
   * Writes the HTML report of the workspace's model over its data set, with a LIME explanation of
   * the current image, to {@code file} (in the background, with the report command's defaults).
   */
  public void exportReport(Path file) {
    ReportExport.start(workspace, workspace.imageFileProperty().get(), file, message::set);
  }

  /** Current image. */
  public ObjectProperty<Image> imageProperty() {
    return image;
  }

  /** Predicted letter. */
  public StringProperty letterProperty() {
    return letter;
  }

  /** Line about the image. */
  public StringProperty imageInfoProperty() {
    return imageInfo;
  }

  /** Top-5. */
  public ObservableList<Prediction.Ranked> top() {
    return top;
  }

  /** Last evaluation. */
  public ObjectProperty<Evaluation> evaluationProperty() {
    return evaluation;
  }

  /** Heat map colouring by row share. */
  public BooleanProperty normalisedProperty() {
    return normalised;
  }

  /** Accuracy line. */
  public StringProperty scoresProperty() {
    return scores;
  }

  /** Per-class metrics. */
  public ObservableList<ClassMetrics> perClass() {
    return perClass;
  }

  /** Images of the selected cell. */
  public ObservableList<Tile> cellTiles() {
    return cellTiles;
  }

  /** Title of the selected cell. */
  public StringProperty cellTitleProperty() {
    return cellTitle;
  }

  /** The batch grid. */
  public ObservableList<Tile> grid() {
    return grid;
  }

  /** Calibration figures and the reliability diagram of the last evaluation. */
  public CalibrationViewModel calibration() {
    return calibration;
  }

  /** The model's external test results, oldest first. */
  public ObservableList<ExternalTest> externalTests() {
    return externalTests;
  }

  /** The model and gallery pickers, model files and Keras import. */
  public ModelLibraryViewModel library() {
    return library;
  }

  /** Errors and notices. */
  public StringProperty messageProperty() {
    return message;
  }

  /** The workspace. */
  public Workspace workspace() {
    return workspace;
  }
}
