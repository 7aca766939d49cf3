package org.aslwb.ui.explain;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import org.aslwb.explain.Explanation;

/** Binds {@link ExplainCompareViewModel} to the gradient-map and stability controls. */
public final class ExplainCompareController {
  private final ExplainCompareViewModel vm;
  @FXML private ChoiceBox<String> method;
  @FXML private Button showMap;
  @FXML private TextField seeds;
  @FXML private Button stability;
  @FXML private ImageView overlay;
  @FXML private Label summary;
  @FXML private TableView<ExplainCompareViewModel.SuperpixelRow> spread;
  @FXML private TableColumn<ExplainCompareViewModel.SuperpixelRow, Number> superpixelColumn;
  @FXML private TableColumn<ExplainCompareViewModel.SuperpixelRow, Number> meanColumn;
  @FXML private TableColumn<ExplainCompareViewModel.SuperpixelRow, Number> spreadColumn;

  /** A controller for {@code vm}. */
  public ExplainCompareController(ExplainCompareViewModel vm) {
    this.vm = vm;
  }

  /** Compares with the Explain tab's clean explanation. */
  void follow(ObservableValue<Explanation> clean) {
    vm.follow(clean);
  }

  @FXML
  private void initialize() {
    method.getItems().setAll("gradcam", "saliency", "smoothgrad");
    method.valueProperty().bindBidirectional(vm.methodProperty());
    showMap.setOnAction(e -> vm.showMap());
    seeds.textProperty().bindBidirectional(vm.seedsProperty());
    stability.setOnAction(e -> vm.runStability());
    overlay.imageProperty().bind(vm.overlayProperty());
    summary.textProperty().bind(vm.summaryProperty());
    spread.setItems(vm.stability());
    superpixelColumn.setCellValueFactory(
        r -> new ReadOnlyObjectWrapper<>(r.getValue().superpixel()));
    meanColumn.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().mean()));
    spreadColumn.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().spread()));
  }
}
