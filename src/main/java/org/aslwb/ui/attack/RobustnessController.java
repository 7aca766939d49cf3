package org.aslwb.ui.attack;

import java.io.File;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.aslwb.attack.SweepResult;
import org.aslwb.ui.common.HeatMapView;
import org.aslwb.ui.common.SelectedTabOnly;

/** The Attack tab's robustness views: binds {@link RobustnessViewModel} to its controls. */
public final class RobustnessController {
  private final RobustnessViewModel vm;
  @FXML private TabPane tabs;
  @FXML private Label pointText;
  @FXML private TableView<RobustnessViewModel.ClassRow> perClass;
  @FXML private TableColumn<RobustnessViewModel.ClassRow, String> classColumn;
  @FXML private TableColumn<RobustnessViewModel.ClassRow, Number> imagesColumn;
  @FXML private TableColumn<RobustnessViewModel.ClassRow, Number> accuracyColumn;
  @FXML private HeatMapView confusion;
  @FXML private Button minEps;
  @FXML private Label minEpsText;
  @FXML private BarChart<String, Number> histogram;
  @FXML private Label noHistogram;
  @FXML private HBox gallery;
  @FXML private TextField transferEps;
  @FXML private Button transfer;
  @FXML private Label transferText;
  @FXML private Button export;
  @FXML private Label message;

  /** Binds to {@code vm}. */
  public RobustnessController(RobustnessViewModel vm) {
    this.vm = vm;
  }

  /** Makes the views follow the Attack tab's slider and sweeps. */
  void follow(DoubleProperty epsilon, ObservableList<SweepResult> sweeps) {
    vm.follow(epsilon, sweeps);
  }

  @FXML
  private void initialize() {
    SelectedTabOnly.apply(tabs);
    pointText.textProperty().bind(vm.pointTextProperty());
    perClass.setItems(vm.perClass());
    classColumn.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().className()));
    imagesColumn.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().images()));
    accuracyColumn.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().accuracy()));
    accuracyColumn.setSortType(TableColumn.SortType.ASCENDING);
    vm.pointProperty()
        .addListener(
            (o, a, p) -> {
              if (p != null) {
                confusion.show(vm.classNames(), vm.modelClassNames(), p.confusion(), true);
              }
            });
    minEps.setOnAction(e -> vm.minimalEpsilon());
    minEpsText.textProperty().bind(vm.minEpsTextProperty());
    XYChart.Series<String, Number> bars = new XYChart.Series<>(vm.histogram());
    bars.setName("images");
    histogram.getData().add(bars);
    noHistogram.visibleProperty().bind(Bindings.isEmpty(vm.histogram()));
    vm.fragile()
        .addListener(
            (ListChangeListener<RobustnessViewModel.Fragile>)
                c -> gallery.getChildren().setAll(vm.fragile().stream().map(this::tile).toList()));
    transferEps.textProperty().bindBidirectional(vm.transferEpsProperty());
    transfer.setOnAction(e -> chooseTransferModel());
    transferText.textProperty().bind(vm.transferTextProperty());
    export.setOnAction(e -> chooseExportFolder());
    message.textProperty().bind(vm.messageProperty());
  }

  private VBox tile(RobustnessViewModel.Fragile f) {
    ImageView view = new ImageView(f.image());
    view.setFitWidth(96);
    view.setFitHeight(96);
    view.setSmooth(false);
    Label caption = new Label(f.caption());
    caption.setWrapText(true);
    caption.setMaxWidth(120);
    VBox tile = new VBox(2, view, caption);
    tile.getStyleClass().add("fragile-tile");
    return tile;
  }

  private void chooseTransferModel() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Model to transfer to");
    chooser
        .getExtensionFilters()
        .add(new FileChooser.ExtensionFilter("ASL Workbench model", "*.aslwb"));
    File file = chooser.showOpenDialog(transfer.getScene().getWindow());
    if (file != null) {
      vm.transfer(file.toPath());
    }
  }

  private void chooseExportFolder() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Folder for min_eps.csv and transfer.csv");
    File dir = chooser.showDialog(export.getScene().getWindow());
    if (dir != null) {
      vm.export(dir.toPath());
    }
  }
}
