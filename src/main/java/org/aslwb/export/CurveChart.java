package org.aslwb.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.aslwb.attack.CurvePoint;
import org.aslwb.attack.SweepResult;

/** {@code curve.png}: accuracy against epsilon, one line per model. */
public final class CurveChart {
  private CurveChart() {}

  /** The curves as a chart. */
  public static BufferedImage render(List<SweepResult> curves) {
    LineChart chart =
        new LineChart("epsilon (pixel scale [0,1])", "accuracy under attack").yRange(0, 1);
    for (SweepResult r : curves) {
      chart.add(
          new LineChart.Series(
              r.model() + " (" + r.method() + ", " + r.images() + " images)",
              r.points().stream().mapToDouble(CurvePoint::epsilon).toArray(),
              r.points().stream().mapToDouble(CurvePoint::accuracy).toArray()));
    }
    return chart.render();
  }

  /** Writes the chart to {@code file}. */
  public static void write(List<SweepResult> curves, Path file) throws IOException {
    Png.write(render(curves), file);
  }
}
