package org.aslwb.ui.train;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
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
import org.aslwb.ui.common.ShownMirror;
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
  @FXML private TextField robustEpsilon;
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
  @FXML private Label noLoss;
  @FXML private Label noAccuracy;
  @FXML private Label noRate;
  @FXML private ListView<String> log;
  private javafx.beans.value.ObservableBooleanValue shown;

  /** A controller for {@code vm}. */
  public TrainController(TrainViewModel vm) {
    this.vm = vm;
  }

  @FXML
  private void initialize() {
    TrainingForm form = vm.form();
    architecture.getItems().setAll(Architecture.values());
    architecture.valueProperty().bindBidirectional(form.architectureProperty());
    monitor.getItems().setAll("val_loss", "val_accuracy");
    monitor.valueProperty().bindBidirectional(form.monitorProperty());
    width.textProperty().bindBidirectional(form.widthProperty());
    size.textProperty().bindBidirectional(form.sizeProperty());
    epochs.textProperty().bindBidirectional(form.epochsProperty());
    batch.textProperty().bindBidirectional(form.batchProperty());
    learningRate.textProperty().bindBidirectional(form.learningRateProperty());
    schedule.textProperty().bindBidirectional(form.scheduleProperty());
    patience.textProperty().bindBidirectional(form.patienceProperty());
    minDelta.textProperty().bindBidirectional(form.minDeltaProperty());
    valFraction.textProperty().bindBidirectional(form.valFractionProperty());
    split.getItems().setAll(form.splitChoices());
    split.valueProperty().bindBidirectional(form.splitProperty());
    seed.textProperty().bindBidirectional(form.seedProperty());
    labelSmoothing.textProperty().bindBidirectional(form.labelSmoothingProperty());
    robustEpsilon.textProperty().bindBidirectional(form.robustEpsilonProperty());
    augment.selectedProperty().bindBidirectional(form.augmentProperty());
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
            java.util.Map.entry("robust-eps", robustEpsilon),
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
                        form.formErrorProperty().get(),
                        setting.equals(form.invalidSettingProperty().get()))));
    form.invalidSettingProperty()
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
    for (AugmentationForm.Field f : form.augmentationForm().fields()) {
      TextField field = new TextField();
      field.setId("augment-" + f.key());
      field.setPrefColumnCount(5);
      field.textProperty().bindBidirectional(f.value());
      field.disableProperty().bind(form.augmentProperty().not());
      augmentationGrid.addRow(row++, new Label(f.label()), field);
    }
    output.textProperty().bindBidirectional(form.outputProperty());
    formError.textProperty().bind(form.formErrorProperty());
    speed.textProperty().bind(vm.speedProperty());
    eta.textProperty().bind(vm.etaProperty());
    start
        .disableProperty()
        .bind(vm.runningProperty().or(form.invalidSettingProperty().isNotEmpty()));
    resume.disableProperty().bind(vm.runningProperty());
    stop.disableProperty().bind(vm.runningProperty().not());
    start.setOnAction(e -> vm.start());
    stop.setOnAction(e -> vm.stop());
    resume.setOnAction(e -> vm.resume());
    vm.setOverwriteConfirmation(TrainController::confirm);
    // hidden behind another tab, the charts and the log take no points (the FX thread lays out and
    // styles every point and tick it is given); they catch up when the tab is shown
    shown = vm.tabShown();
    log.setItems(ShownMirror.of(vm.log(), shown));
    bindCharts(vm.curves());
  }

  private void bindCharts(TrainingCurves curves) {
    lossChart
        .getData()
        .setAll(
            java.util.List.of(
                series("batch loss", curves.iterationLoss()),
                series("train loss (epoch)", curves.trainLoss()),
                series("val loss", curves.valLoss())));
    lossChart.getData().get(2).nameProperty().bind(label("val loss"));
    accuracyChart
        .getData()
        .setAll(
            java.util.List.of(
                series("train accuracy", curves.trainAccuracy()),
                series("val accuracy", curves.valAccuracy())));
    accuracyChart.getData().get(1).nameProperty().bind(label("val accuracy"));
    // the robust curve joins the legend only in runs that measure it
    XYChart.Series<Number, Number> robust = series("", curves.robustAccuracy());
    robust
        .nameProperty()
        .bind(
            Bindings.concat(
                curves.robustLabelProperty(), " (", curves.validationLabelProperty(), ")"));
    curves
        .robustAccuracy()
        .addListener(
            (ListChangeListener<XYChart.Data<Number, Number>>)
                c -> showSeries(accuracyChart, robust, !c.getList().isEmpty()));
    rateChart.getData().setAll(java.util.List.of(series("learning rate", curves.learningRates())));
    // before a run, a line that says so instead of empty axes (as the Attack tab)
    noLoss.visibleProperty().bind(Bindings.isEmpty(curves.iterationLoss()));
    noAccuracy.visibleProperty().bind(Bindings.isEmpty(curves.trainAccuracy()));
    noRate.visibleProperty().bind(Bindings.isEmpty(curves.learningRates()));
  }

  private static void showSeries(
      LineChart<Number, Number> chart, XYChart.Series<Number, Number> series, boolean shown) {
    if (shown && !chart.getData().contains(series)) {
      chart.getData().add(series);
    } else if (!shown) {
      chart.getData().remove(series);
    }
  }

  private static boolean confirm(String question) {
    Alert alert =
        new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
    alert.setHeaderText("Replace the existing model?");
    return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
  }

  private javafx.beans.binding.StringExpression label(String what) {
    return Bindings.concat(what, " (", vm.curves().validationLabelProperty(), ")");
  }

  private XYChart.Series<Number, Number> series(
      String name, ObservableList<XYChart.Data<Number, Number>> data) {
    return new XYChart.Series<>(name, ShownMirror.of(data, shown));
  }
}
