package org.aslwb.ui.evaluate;

import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.aslwb.evaluation.ClassMetrics;
import org.aslwb.model.ExternalTest;
import org.aslwb.ui.common.HeatMapView;
import org.aslwb.ui.common.ImageChoice;

/** Binds the Evaluate tab. */
public final class EvaluateController {
  private final EvaluateViewModel vm;
  @FXML private ComboBox<Path> modelPicker;
  @FXML private Button openModel;
  @FXML private Button importKeras;
  @FXML private Button openImage;
  @FXML private ListView<Path> gallery;
  @FXML private StackPane dropTarget;
  @FXML private ImageView image;
  @FXML private Label letter;
  @FXML private Label imageInfo;
  @FXML private VBox topBars;
  @FXML private Button evaluate;
  @FXML private Button testOther;
  @FXML private Label calibrationText;
  @FXML private LineChart<Number, Number> reliability;
  @FXML private Label noReliability;
  @FXML private SplitPane root;
  @FXML private TableView<ExternalTest> externalTests;
  @FXML private CheckBox normalised;
  @FXML private Button export;
  @FXML private Button exportReport;
  @FXML private Label scores;
  @FXML private Label message;
  @FXML private HeatMapView heatMap;
  @FXML private Label cellTitle;
  @FXML private TilePane cellImages;
  @FXML private TableView<ClassMetrics> perClass;
  @FXML private TilePane grid;

  /** A controller for {@code vm}. */
  public EvaluateController(EvaluateViewModel vm) {
    this.vm = vm;
  }

  @FXML
  private void initialize() {
    modelPicker.setItems(vm.library().models());
    vm.workspace()
        .modelFileProperty()
        .addListener((o, a, b) -> modelPicker.getSelectionModel().select(b));
    modelPicker.setOnAction(
        e -> {
          Path p = modelPicker.getValue();
          if (p != null && !p.equals(vm.workspace().modelFileProperty().get())) {
            vm.library().openModel(p);
          }
        });
    openModel.setOnAction(
        e -> chooseFile("Model file", "*.aslwb").ifPresent(vm.library()::openModel));
    importKeras.setOnAction(
        e ->
            chooseFile("Keras model", "*.h5", "*.hdf5")
                .flatMap(h5 -> KerasImportDialog.ask(h5, vm.library().suggestedClasses(h5)))
                .ifPresent(r -> vm.library().importKeras(r.h5(), r.classes(), r.preprocess())));
    openImage.setOnAction(
        e ->
            chooseFile("Image", "*.jpg", "*.jpeg", "*.png", "*.bmp", "*.gif")
                .ifPresent(vm::openImage));
    gallery.setItems(vm.library().gallery());
    gallery.setCellFactory(list -> new GalleryCell());
    gallery
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null) {
                vm.openImage(b);
              }
            });
    ImageChoice.acceptDrops(root, vm::openImage); // anywhere on the tab
    image.imageProperty().bind(vm.imageProperty());
    letter.textProperty().bind(vm.letterProperty());
    imageInfo.textProperty().bind(vm.imageInfoProperty());
    vm.top()
        .addListener((ListChangeListener<org.aslwb.evaluation.Prediction.Ranked>) c -> showTop());
    evaluate.setOnAction(e -> vm.evaluate());
    testOther.setOnAction(e -> chooseFolder().ifPresent(vm::testOn));
    calibrationText.textProperty().bind(vm.calibration().textProperty());
    reliability.titleProperty().bind(vm.calibration().titleProperty());
    noReliability.visibleProperty().bind(Bindings.isEmpty(vm.calibration().reliability()));
    reliability
        .getData()
        .setAll(
            java.util.List.of(
                new XYChart.Series<>("perfect calibration", vm.calibration().diagonal()),
                new XYChart.Series<>("reported probabilities", vm.calibration().reliability()),
                new XYChart.Series<>("raw network", vm.calibration().rawReliability())));
    externalTests.setItems(vm.externalTests());
    externalTests
        .getColumns()
        .setAll(
            java.util.List.of(
                column("data folder", ExternalTest::dataFolder),
                column("split", ExternalTest::split),
                column("accuracy", t -> String.format("%.4f", t.accuracy())),
                column("images", ExternalTest::images),
                column("ECE", t -> String.format("%.4f", t.ece())),
                column("date", ExternalTest::date),
                column("fingerprint", ExternalTest::dataFingerprint)));
    normalised.selectedProperty().bindBidirectional(vm.normalisedProperty());
    normalised.selectedProperty().addListener((o, a, b) -> showHeatMap());
    vm.evaluationProperty().addListener((o, a, b) -> showHeatMap());
    export.disableProperty().bind(Bindings.isNull(vm.evaluationProperty()));
    export.setOnAction(e -> chooseFolder().ifPresent(vm::export));
    exportReport.disableProperty().bind(Bindings.isNull(vm.workspace().modelProperty()));
    exportReport.setOnAction(e -> chooseReportFile().ifPresent(vm::exportReport));
    scores.textProperty().bind(vm.scoresProperty());
    message.textProperty().bind(vm.messageProperty());
    heatMap.setOnCellClicked(vm::selectCell);
    cellTitle.textProperty().bind(vm.cellTitleProperty());
    vm.cellTiles()
        .addListener(
            (ListChangeListener<EvaluateViewModel.Tile>)
                c ->
                    cellImages
                        .getChildren()
                        .setAll(vm.cellTiles().stream().map(EvaluateController::tile).toList()));
    vm.grid()
        .addListener(
            (ListChangeListener<EvaluateViewModel.Tile>)
                c ->
                    grid.getChildren()
                        .setAll(vm.grid().stream().map(EvaluateController::tile).toList()));
    perClass.setItems(vm.perClass());
    perClass
        .getColumns()
        .setAll(
            java.util.List.of(
                column("class", ClassMetrics::className),
                column("precision", m -> String.format("%.4f", m.precision())),
                column("recall", m -> String.format("%.4f", m.recall())),
                column("F1", m -> String.format("%.4f", m.f1())),
                column("support", ClassMetrics::support)));
  }

  private void showTop() {
    topBars.getChildren().clear();
    for (var r : vm.top()) {
      ProgressBar bar = new ProgressBar(r.probability());
      bar.getStyleClass().add("prob-bar");
      bar.setPrefWidth(220);
      Label name = new Label(String.format("%-8s %.3f", r.name(), r.probability()));
      name.setMinWidth(110);
      topBars.getChildren().add(new HBox(8, name, bar));
    }
  }

  private void showHeatMap() {
    var e = vm.evaluationProperty().get();
    if (e == null) {
      return;
    }
    var names = e.confusion().classNames();
    var columns = new java.util.ArrayList<>(names);
    columns.add("other");
    heatMap.show(names, columns, vm.confusionCounts(), vm.normalisedProperty().get());
  }

  // the rows are records: PropertyValueFactory looks for getX() and would leave the cells blank
  private static <R, T> TableColumn<R, T> column(
      String title, java.util.function.Function<R, T> value) {
    TableColumn<R, T> c = new TableColumn<>(title);
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    return c;
  }

  private static VBox tile(EvaluateViewModel.Tile t) {
    ImageView v = new ImageView(t.image());
    v.setFitWidth(64);
    v.setFitHeight(64);
    Label caption = new Label(t.caption());
    caption.setStyle("-fx-font-size: 9px;");
    VBox box = new VBox(2, v, caption);
    box.getStyleClass().add(t.correct() ? "thumb-ok" : "thumb-wrong");
    return box;
  }

  private java.util.Optional<Path> chooseFile(String title, String... patterns) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(title, patterns));
    File f = chooser.showOpenDialog(image.getScene().getWindow());
    return java.util.Optional.ofNullable(f).map(File::toPath);
  }

  private java.util.Optional<Path> chooseReportFile() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export report");
    chooser.setInitialFileName("report.html");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML", "*.html"));
    File f = chooser.showSaveDialog(image.getScene().getWindow());
    return java.util.Optional.ofNullable(f).map(File::toPath);
  }

  private java.util.Optional<Path> chooseFolder() {
    File f = new DirectoryChooser().showDialog(image.getScene().getWindow());
    return java.util.Optional.ofNullable(f).map(File::toPath);
  }

  /** A gallery entry: the file's name with a small preview. */
  private static final class GalleryCell extends javafx.scene.control.ListCell<Path> {
    @Override
    protected void updateItem(Path item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setText(null);
        setGraphic(null);
      } else {
        setText(item.getFileName().toString());
        ImageView v =
            new ImageView(
                new javafx.scene.image.Image(item.toUri().toString(), 40, 40, true, true, true));
        setGraphic(v);
      }
    }
  }
}
