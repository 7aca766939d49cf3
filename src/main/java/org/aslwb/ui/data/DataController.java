package org.aslwb.ui.data;

import java.io.File;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.stage.DirectoryChooser;

/** Binds the Data tab. */
public final class DataController {
  private final DataViewModel vm;
  @FXML private Label folder;
  @FXML private Label summary;
  @FXML private Button openFolder;
  @FXML private BarChart<String, Number> countsChart;
  @FXML private ListView<String> classList;
  @FXML private ListView<Integer> thumbnails;
  @FXML private ListView<String> unreadable;
  @FXML private ImageView augmentationSource;
  @FXML private TilePane augmentations;
  @FXML private Button reseed;
  @FXML private Label augmentationSeed;
  @FXML private Label augmentationText;

  /** A controller for {@code vm}. */
  public DataController(DataViewModel vm) {
    this.vm = vm;
  }

  @FXML
  private void initialize() {
    folder.textProperty().bind(vm.folderProperty());
    summary.textProperty().bind(vm.summaryProperty());
    openFolder.setOnAction(e -> chooseFolder());
    vm.counts()
        .addListener(
            (ListChangeListener<DataViewModel.ClassCount>)
                c -> {
                  XYChart.Series<String, Number> series = new XYChart.Series<>();
                  vm.counts()
                      .forEach(
                          cc -> series.getData().add(new XYChart.Data<>(cc.name(), cc.count())));
                  countsChart.getData().setAll(java.util.List.of(series));
                });
    classList.setItems(vm.classes());
    classList
        .getSelectionModel()
        .selectedItemProperty()
        .addListener((o, a, b) -> vm.selectedClassProperty().set(b));
    vm.selectedClassProperty().addListener((o, a, b) -> classList.getSelectionModel().select(b));
    thumbnails.setItems(vm.thumbnailRows());
    thumbnails.setCellFactory(list -> new ThumbnailRowCell());
    unreadable.setItems(vm.unreadable());
    augmentationSource.imageProperty().bind(vm.augmentationSourceProperty());
    vm.augmentations()
        .addListener(
            (ListChangeListener<javafx.scene.image.Image>)
                c ->
                    augmentations
                        .getChildren()
                        .setAll(vm.augmentations().stream().map(DataController::view).toList()));
    reseed.setOnAction(e -> vm.reseed());
    augmentationSeed.textProperty().bind(vm.augmentationSeedProperty().asString("seed %d"));
    augmentationText.textProperty().bind(vm.augmentationText());
  }

  private void chooseFolder() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Data set folder (one sub-folder per class)");
    chooser.setInitialDirectory(vm.chooserFolder());
    File dir = chooser.showDialog(folder.getScene().getWindow());
    if (dir != null) {
      vm.open(dir.toPath());
    }
  }

  private static ImageView view(javafx.scene.image.Image image) {
    ImageView v = new ImageView(image);
    v.setFitWidth(96);
    v.setFitHeight(96);
    v.setPreserveRatio(true);
    return v;
  }

  /** A row of thumbnails; the list view only creates the rows that are visible. */
  private final class ThumbnailRowCell extends ListCell<Integer> {
    @Override
    protected void updateItem(Integer row, boolean empty) {
      super.updateItem(row, empty);
      if (empty || row == null) {
        setGraphic(null);
        return;
      }
      HBox box = new HBox(4);
      for (int index : vm.rowSamples(row)) {
        ImageView v = view(vm.thumbnail(index));
        v.setFitWidth(72);
        v.setFitHeight(72);
        v.setOnMouseClicked(e -> vm.previewSample(index));
        box.getChildren().add(v);
      }
      setGraphic(box);
    }
  }
}
