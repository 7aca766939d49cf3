package org.aslwb.ui.evaluate;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.XYChart;
import org.aslwb.evaluation.CalibrationReport;
import org.aslwb.evaluation.ReliabilityBin;

/** A reliability diagram as chart points: accuracy against mean confidence, one per filled bin. */
final class ReliabilitySeries {
  private ReliabilitySeries() {}

  /** The filled bins of {@code report} as (mean confidence, accuracy) points. */
  static List<XYChart.Data<Number, Number>> points(CalibrationReport report) {
    List<XYChart.Data<Number, Number>> points = new ArrayList<>();
    for (ReliabilityBin b : report.bins()) {
      if (b.count() > 0) {
        points.add(new XYChart.Data<>(b.meanConfidence(), b.accuracy()));
      }
    }
    return points;
  }

  /** The diagonal a perfectly calibrated model lies on. */
  static List<XYChart.Data<Number, Number>> diagonal() {
    return List.of(new XYChart.Data<>(0, 0), new XYChart.Data<>(1, 1));
  }
}
