package org.aslwb.ui.attack;

import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.aslwb.evaluation.Prediction;
import org.aslwb.ui.DemoAssets;
import org.aslwb.ui.common.ChartMarker;
import org.aslwb.ui.common.ImageChoice;

/** Binds the Attack tab. */
public final class AttackController {
  private final AttackViewModel vm;
  @FXML private Slider epsilon;
  @FXML private CheckBox wideRange;
  @FXML private Label epsilonText;
  @FXML private ChoiceBox<String> method;
  @FXML private ChoiceBox<String> target;
  @FXML private ImageView clean;
  @FXML private ImageView noise;
  @FXML private ImageView adversarial;
  @FXML private Label cleanLabel;
  @FXML private Label adversarialLabel;
  @FXML private VBox cleanTop;
  @FXML private VBox adversarialTop;
  @FXML private LineChart<Number, Number> curve;
  // the curve's x axis follows the slider's range, so the marker and the curves share one scale
  @FXML private javafx.scene.chart.NumberAxis epsilonAxis;
  @FXML private javafx.scene.chart.NumberAxis accuracyAxis;
  @FXML private javafx.scene.layout.StackPane curveBox;
  @FXML private TextField limit;
  @FXML private Button sweep;
  @FXML private Button compare;
  @FXML private Button clear;
  @FXML private Button export;
  @FXML private Label message;
  @FXML private RobustnessController robustnessController;
  @FXML private Label imageText;
  @FXML private Label noCurves;
  @FXML private Button openImage;
  @FXML private ComboBox<Path> gallery;
  @FXML private VBox root;

  /** A controller for {@code vm}. */
  public AttackController(AttackViewModel vm) {
    this.vm = vm;
  }

  @FXML
  private void initialize() {
    epsilon.valueProperty().bindBidirectional(vm.epsilonProperty());
    epsilon
        .maxProperty()
        .bind(javafx.beans.binding.Bindings.when(vm.wideRangeProperty()).then(1.0).otherwise(0.3));
    // BIM and PGD wait for the slider to rest: one frame per release
    vm.draggingProperty().bind(epsilon.valueChangingProperty());
    imageText.textProperty().bind(vm.imageTextProperty());
    ImageChoice.wire(root, openImage, gallery, DemoAssets.gallery(), vm::openImage);
    noCurves.visibleProperty().bind(Bindings.isEmpty(vm.sweepCurves().curves()));
    wideRange.selectedProperty().bindBidirectional(vm.wideRangeProperty());
    epsilonText.textProperty().bind(vm.epsilonTextProperty());
    method.getItems().setAll("fgsm", "bim", "pgd");
    method.valueProperty().bindBidirectional(vm.methodProperty());
    target.setItems(vm.targets());
    target.valueProperty().bindBidirectional(vm.targetProperty());
    clean.imageProperty().bind(vm.shown().cleanProperty());
    noise.imageProperty().bind(vm.shown().noiseProperty());
    adversarial.imageProperty().bind(vm.shown().adversarialProperty());
    cleanLabel.textProperty().bind(vm.shown().cleanLabelProperty());
    adversarialLabel.textProperty().bind(vm.shown().adversarialLabelProperty());
    vm.shown()
        .flippedProperty()
        .addListener(
            (o, a, b) -> {
              adversarialLabel.getStyleClass().remove("flipped");
              if (b) {
                adversarialLabel.getStyleClass().add("flipped");
              }
            });
    vm.shown()
        .cleanTop()
        .addListener(
            (ListChangeListener<Prediction.Ranked>) c -> bars(cleanTop, vm.shown().cleanTop()));
    vm.shown()
        .adversarialTop()
        .addListener(
            (ListChangeListener<Prediction.Ranked>)
                c -> bars(adversarialTop, vm.shown().adversarialTop()));
    curve.setData(vm.sweepCurves().curves());
    epsilonAxis.upperBoundProperty().bind(epsilon.maxProperty());
    ChartMarker.follow(curveBox, epsilonAxis, accuracyAxis, vm.epsilonProperty());
    limit.textProperty().bindBidirectional(vm.sweepCurves().limitProperty());
    sweep.setOnAction(e -> vm.sweepCurves().sweep());
    robustnessController.follow(vm.epsilonProperty(), vm.sweepCurves().sweeps());
    compare.setOnAction(
        e -> {
          FileChooser chooser = new FileChooser();
          chooser.setTitle("Model to compare");
          chooser
              .getExtensionFilters()
              .add(new FileChooser.ExtensionFilter("ASL Workbench model", "*.aslwb"));
          File file = chooser.showOpenDialog(curve.getScene().getWindow());
          if (file != null) {
            vm.sweepCurves().compare(file.toPath());
          }
        });
    clear.setOnAction(e -> vm.sweepCurves().clearCurves());
    export.setOnAction(
        e -> {
          File dir = new DirectoryChooser().showDialog(curve.getScene().getWindow());
          if (dir != null) {
            vm.sweepCurves().export(dir.toPath());
          }
        });
    message.textProperty().bind(vm.messageProperty());
  }

  /**
   * Shows {@code top} as labelled bars, reusing the rows already there: new controls would cost the
   * FX thread their CSS on every frame of a drag.
   */
  private static void bars(VBox box, java.util.List<Prediction.Ranked> top) {
    var rows = box.getChildren();
    if (rows.size() > top.size()) {
      rows.remove(top.size(), rows.size());
    }
    for (int i = 0; i < top.size(); i++) {
      if (i == rows.size()) {
        ProgressBar bar = new ProgressBar();
        bar.getStyleClass().add("prob-bar");
        bar.setPrefWidth(140);
        Label name = new Label();
        name.setMinWidth(90);
        rows.add(new HBox(6, name, bar));
      }
      var row = ((HBox) rows.get(i)).getChildren();
      Prediction.Ranked r = top.get(i);
      ((Label) row.get(0)).setText(String.format("%s %.3f", r.name(), r.probability()));
      ((ProgressBar) row.get(1)).setProgress(r.probability());
    }
  }
}
