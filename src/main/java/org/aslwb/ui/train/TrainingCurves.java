package org.aslwb.ui.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.aslwb.model.EpochMetrics;

/**
 * The Train tab's curves: the loss per batch, the per-epoch losses, accuracies (the validation
 * accuracy under FGSM among them, when measured) and learning rates. Changed on the FX thread only.
 */
public final class TrainingCurves {
  /** Batch losses kept at most; past it every second point is dropped. */
  static final int MAX_POINTS = 2000;

  private final ObservableList<XYChart.Data<Number, Number>> iterationLoss =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Data<Number, Number>> trainLoss =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Data<Number, Number>> valLoss =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Data<Number, Number>> trainAccuracy =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Data<Number, Number>> valAccuracy =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Data<Number, Number>> robustAccuracy =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Data<Number, Number>> learningRates =
      FXCollections.observableArrayList();
  private final StringProperty validationLabel = new SimpleStringProperty("val");
  private final StringProperty robustLabel = new SimpleStringProperty("val accuracy under FGSM");

  /** Empties every curve (a run from epoch 1). */
  void clear() {
    iterationLoss.clear();
    clearEpochs();
  }

  /** Empties the per-epoch curves (a resumed run draws its checkpoint's epochs again). */
  void clearEpochs() {
    List.of(trainLoss, valLoss, trainAccuracy, valAccuracy, robustAccuracy, learningRates)
        .forEach(List::clear);
  }

  /** Adds batch losses, thinning the curve when it grows past {@link #MAX_POINTS}. */
  void addBatchLosses(List<XYChart.Data<Number, Number>> batch) {
    iterationLoss.addAll(batch);
    if (iterationLoss.size() > MAX_POINTS) {
      List<XYChart.Data<Number, Number>> thinned = new ArrayList<>();
      for (int i = 0; i < iterationLoss.size(); i += 2) {
        thinned.add(iterationLoss.get(i));
      }
      iterationLoss.setAll(thinned);
    }
  }

  /** Draws one epoch; epoch losses sit at the epoch's last batch on the batch-loss axis. */
  void plot(EpochMetrics m, int batchesPerEpoch) {
    int lastBatch = m.epoch() * batchesPerEpoch;
    trainLoss.add(new XYChart.Data<>(lastBatch, m.trainLoss()));
    valLoss.add(new XYChart.Data<>(lastBatch, m.valLoss()));
    trainAccuracy.add(new XYChart.Data<>(m.epoch(), m.trainAccuracy()));
    valAccuracy.add(new XYChart.Data<>(m.epoch(), m.valAccuracy()));
    if (m.hasRobustAccuracy()) {
      robustAccuracy.add(new XYChart.Data<>(m.epoch(), m.robustAccuracy()));
      robustLabel.set(
          String.format(Locale.ROOT, "val accuracy under FGSM, eps %s", m.robustEpsilon()));
    }
    learningRates.add(new XYChart.Data<>(m.epoch(), m.learningRate()));
  }

  /** "val, frames split" once a run has made its split: names the validation curves. */
  public StringProperty validationLabelProperty() {
    return validationLabel;
  }

  /** "val accuracy under FGSM, eps 0.01": names the robust-accuracy curve. */
  public StringProperty robustLabelProperty() {
    return robustLabel;
  }

  /** Per-iteration loss. */
  public ObservableList<XYChart.Data<Number, Number>> iterationLoss() {
    return iterationLoss;
  }

  /** Per-epoch training loss. */
  public ObservableList<XYChart.Data<Number, Number>> trainLoss() {
    return trainLoss;
  }

  /** Per-epoch validation loss. */
  public ObservableList<XYChart.Data<Number, Number>> valLoss() {
    return valLoss;
  }

  /** Per-epoch training accuracy. */
  public ObservableList<XYChart.Data<Number, Number>> trainAccuracy() {
    return trainAccuracy;
  }

  /** Per-epoch validation accuracy. */
  public ObservableList<XYChart.Data<Number, Number>> valAccuracy() {
    return valAccuracy;
  }

  /** Per-epoch validation accuracy under FGSM; empty when the run does not measure it. */
  public ObservableList<XYChart.Data<Number, Number>> robustAccuracy() {
    return robustAccuracy;
  }

  /** Per-epoch learning rate. */
  public ObservableList<XYChart.Data<Number, Number>> learningRates() {
    return learningRates;
  }
}
