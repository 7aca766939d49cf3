package org.aslwb.ui.train;

import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.aslwb.model.Architecture;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** Binds the Train tab. */
public final class TrainController {
  private final TrainViewModel vm;
  @FXML private ChoiceBox<Architecture> architecture;
  @FXML private TextField width;
  @FXML private TextField size;
  @FXML private TextField epochs;
  @FXML private TextField batch;
  @FXML private TextField learningRate;
  @FXML private TextField schedule;
  @FXML private ChoiceBox<String> monitor;
  @FXML private TextField patience;
  @FXML private TextField minDelta;
  @FXML private TextField valFraction;
  @FXML private ComboBox<String> split;
  @FXML private TextField seed;
  @FXML private TextField labelSmoothing;
  @FXML private CheckBox augment;
  @FXML private CheckBox dropEmptyClasses;
  @FXML private Label emptyClasses;
  @FXML private GridPane augmentationGrid;
  @FXML private TextField output;
  @FXML private Label formError;
  @FXML private Button start;
  @FXML private Button stop;
  @FXML private Button resume;
  @FXML private Label speed;
  @FXML private Label eta;
  @FXML private LineChart<Number, Number> lossChart;
  @FXML private LineChart<Number, Number> accuracyChart;
  @FXML private LineChart<Number, Number> rateChart;
  @FXML private ListView<String> log;

  /** A controller for {@code vm}. */
  public TrainController(TrainViewModel vm) {
    this.vm = vm;
  }

  @FXML
  private void initialize() {
    architecture.getItems().setAll(Architecture.values());
    architecture.valueProperty().bindBidirectional(vm.architectureProperty());
    monitor.getItems().setAll("val_loss", "val_accuracy");
    monitor.valueProperty().bindBidirectional(vm.monitorProperty());
    width.textProperty().bindBidirectional(vm.widthProperty());
    size.textProperty().bindBidirectional(vm.sizeProperty());
    epochs.textProperty().bindBidirectional(vm.epochsProperty());
    batch.textProperty().bindBidirectional(vm.batchProperty());
    learningRate.textProperty().bindBidirectional(vm.learningRateProperty());
    schedule.textProperty().bindBidirectional(vm.scheduleProperty());
    patience.textProperty().bindBidirectional(vm.patienceProperty());
    minDelta.textProperty().bindBidirectional(vm.minDeltaProperty());
    valFraction.textProperty().bindBidirectional(vm.valFractionProperty());
    split.getItems().setAll(vm.splitChoices());
    split.valueProperty().bindBidirectional(vm.splitProperty());
    seed.textProperty().bindBidirectional(vm.seedProperty());
    labelSmoothing.textProperty().bindBidirectional(vm.labelSmoothingProperty());
    augment.selectedProperty().bindBidirectional(vm.augmentProperty());
    dropEmptyClasses.selectedProperty().bindBidirectional(vm.dropEmptyClassesProperty());
    var fields =
        java.util.Map.ofEntries(
            java.util.Map.entry("width", width),
            java.util.Map.entry("size", size),
            java.util.Map.entry("epochs", epochs),
            java.util.Map.entry("batch", batch),
            java.util.Map.entry("lr", learningRate),
            java.util.Map.entry("schedule", schedule),
            java.util.Map.entry("patience", patience),
            java.util.Map.entry("min-delta", minDelta),
            java.util.Map.entry("val-fraction", valFraction),
            java.util.Map.entry("label-smoothing", labelSmoothing),
            java.util.Map.entry("seed", seed));
    // ControlsFX marks the field the form's message is about, as the user types
    ValidationSupport support = new ValidationSupport();
    fields.forEach(
        (setting, field) ->
            support.registerValidator(
                field,
                false,
                (Control c, String text) ->
                    ValidationResult.fromErrorIf(
                        c,
                        vm.formErrorProperty().get(),
                        setting.equals(vm.invalidSettingProperty().get()))));
    vm.invalidSettingProperty()
        .addListener(
            (o, was, now) -> {
              fields.values().forEach(f -> f.getStyleClass().remove("invalid"));
              if (fields.containsKey(now)) {
                fields.get(now).getStyleClass().add("invalid");
              }
              support.revalidate();
            });
    emptyClasses.textProperty().bind(vm.emptyClassesProperty());
    emptyClasses.visibleProperty().bind(vm.emptyClassesProperty().isNotEmpty());
    emptyClasses.managedProperty().bind(emptyClasses.visibleProperty());
    int row = 0;
    for (AugmentationForm.Field f : vm.augmentationForm().fields()) {
      TextField field = new TextField();
      field.setId("augment-" + f.key());
      field.setPrefColumnCount(5);
      field.textProperty().bindBidirectional(f.value());
      field.disableProperty().bind(vm.augmentProperty().not());
      augmentationGrid.addRow(row++, new Label(f.label()), field);
    }
    output.textProperty().bindBidirectional(vm.outputProperty());
    formError.textProperty().bind(vm.formErrorProperty());
    speed.textProperty().bind(vm.speedProperty());
    eta.textProperty().bind(vm.etaProperty());
    start.disableProperty().bind(vm.runningProperty().or(vm.invalidSettingProperty().isNotEmpty()));
    resume.disableProperty().bind(vm.runningProperty());
    stop.disableProperty().bind(vm.runningProperty().not());
    start.setOnAction(e -> vm.start());
    stop.setOnAction(e -> vm.stop());
    resume.setOnAction(e -> vm.resume());
    vm.setOverwriteConfirmation(TrainController::confirm);
    log.setItems(vm.log());
    lossChart
        .getData()
        .setAll(
            java.util.List.of(
                series("batch loss", vm.iterationLoss()),
                series("train loss (epoch)", vm.trainLoss()),
                series("val loss", vm.valLoss())));
    lossChart.getData().get(2).nameProperty().bind(label("val loss"));
    accuracyChart
        .getData()
        .setAll(
            java.util.List.of(
                series("train accuracy", vm.trainAccuracy()),
                series("val accuracy", vm.valAccuracy())));
    accuracyChart.getData().get(1).nameProperty().bind(label("val accuracy"));
    rateChart.getData().setAll(java.util.List.of(series("learning rate", vm.learningRates())));
  }

  private static boolean confirm(String question) {
    Alert alert =
        new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
    alert.setHeaderText("Replace the existing model?");
    return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
  }

  private javafx.beans.binding.StringExpression label(String what) {
    return Bindings.concat(what, " (", vm.validationLabelProperty(), ")");
  }

  private static XYChart.Series<Number, Number> series(
      String name, ObservableList<XYChart.Data<Number, Number>> data) {
    return new XYChart.Series<>(name, data);
  }
}
