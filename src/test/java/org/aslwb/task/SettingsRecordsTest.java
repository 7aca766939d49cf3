package org.aslwb.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aslwb.attack.SweepSettings;
import org.aslwb.data.Augmentation;
import org.aslwb.data.SplitMethod;
import org.aslwb.explain.LimeSettings;
import org.aslwb.explain.QuickshiftSettings;
import org.aslwb.model.Architecture;
import org.aslwb.training.EarlyStopping;
import org.aslwb.training.LearningRateSchedule;
import org.aslwb.training.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The settings records refuse what the GUI's forms could type, with the option's name. */
class SettingsRecordsTest {
  private static void refused(String setting, Executable make) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make);
    assertTrue(e.getMessage().startsWith(setting + " must be"), e.getMessage());
  }

  private static TrainingConfig training(double width, double lr, double valFraction) {
    return new TrainingConfig(
        Architecture.CNN,
        width,
        64,
        1,
        8,
        lr,
        LearningRateSchedule.constant(),
        new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0, 0),
        valFraction,
        SplitMethod.AUTO,
        Augmentation.none(),
        0.0,
        1,
        0);
  }

  @Test
  void trainingSettingsRefuseNonFiniteValues() {
    refused("val-fraction", () -> training(1, 1e-3, Double.NaN));
    refused("width", () -> training(Double.NaN, 1e-3, 0.2));
    refused("width", () -> training(Double.POSITIVE_INFINITY, 1e-3, 0.2));
    refused("lr", () -> training(1, Double.NaN, 0.2));
    refused("min-delta", () -> new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, Double.NaN, 2));
    refused(
        "schedule factor",
        () -> new LearningRateSchedule(LearningRateSchedule.Kind.STEP, Double.NaN, 2, 0));
  }

  @Test
  void limeAndQuickshiftSettingsRefuseNonFiniteValues() {
    refused("ratio", () -> new QuickshiftSettings(4, 200, Double.NaN, true, 1));
    refused("kernel-size", () -> new QuickshiftSettings(Double.NaN, 200, 0.2, true, 1));
    refused("max-dist", () -> new QuickshiftSettings(4, Double.POSITIVE_INFINITY, 0.2, true, 1));
    LimeSettings d = LimeSettings.defaults();
    refused(
        "kernel-width",
        () ->
            new LimeSettings(
                100,
                Double.NaN,
                d.topLabels(),
                null,
                d.ridgeAlpha(),
                d.segmentation(),
                1,
                d.batchSize()));
  }

  @Test
  void sweepSettingsRefuseNonFiniteEpsilonsAndNegativeLimits() {
    refused("eps", () -> new SweepSettings(new double[] {0, Double.NaN}, 0));
    refused("eps", () -> new SweepSettings(new double[] {1.5}, 0));
    refused("limit", () -> new SweepSettings(new double[] {0.1}, -3));
    int[] all = {4, 5, 6};
    assertEquals(3, new SweepSettings(new double[] {0.1}, 0).firstImages(all).length);
    assertEquals(2, new SweepSettings(new double[] {0.1}, 2).firstImages(all).length);
  }
}
