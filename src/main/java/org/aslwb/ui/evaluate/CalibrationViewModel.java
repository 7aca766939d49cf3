package org.aslwb.ui.evaluate;

import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.aslwb.evaluation.Evaluation;

/**
 * The Evaluate tab's calibration part: ECE and NLL with their split, and the reliability diagram.
 */
public final class CalibrationViewModel {
  private final StringProperty text = new SimpleStringProperty("");
  private final StringProperty title = new SimpleStringProperty("Reliability");
  private final ObservableList<XYChart.Data<Number, Number>> reliability =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Data<Number, Number>> rawReliability =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Data<Number, Number>> diagonal =
      FXCollections.observableArrayList(ReliabilitySeries.diagonal());

  /** Shows the calibration of {@code e}, computed over {@code where} ("val, frames split", ...). */
  void show(Evaluation e, String where) {
    text.set(
        e.temperature() == 1
            ? String.format(
                "ECE %.4f, NLL %.4f (%s; no temperature fitted)",
                e.calibration().ece(), e.calibration().nll(), where)
            : String.format(
                "ECE %.4f, NLL %.4f with temperature %.2f; raw network ECE %.4f, NLL %.4f (%s)",
                e.calibration().ece(),
                e.calibration().nll(),
                e.temperature(),
                e.rawCalibration().ece(),
                e.rawCalibration().nll(),
                where));
    title.set("Reliability (" + where + ")");
    reliability.setAll(ReliabilitySeries.points(e.calibration()));
    rawReliability.setAll(
        e.temperature() == 1 ? List.of() : ReliabilitySeries.points(e.rawCalibration()));
  }

  /** ECE and NLL of the last evaluation, with the split they came from. */
  public StringProperty textProperty() {
    return text;
  }

  /** The reliability diagram's title, naming the split. */
  public StringProperty titleProperty() {
    return title;
  }

  /** Reliability points of the reported (temperature-scaled) probabilities. */
  public ObservableList<XYChart.Data<Number, Number>> reliability() {
    return reliability;
  }

  /** Reliability points of the raw network (empty when no temperature is fitted). */
  public ObservableList<XYChart.Data<Number, Number>> rawReliability() {
    return rawReliability;
  }

  /** The diagonal of perfect calibration. */
  public ObservableList<XYChart.Data<Number, Number>> diagonal() {
    return diagonal;
  }
}
