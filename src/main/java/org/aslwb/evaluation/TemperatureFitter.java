package org.aslwb.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.model.Classifier;
import org.aslwb.model.TemperatureScaling;

/**
 * Fits a softmax temperature by minimising the negative log-likelihood of held-out images (Guo et
 * al. 2017). The NLL is searched over log T in [log 0.05, log 20] by golden-section search: one
 * parameter, no gradients, a few dozen passes over the probabilities.
 */
public final class TemperatureFitter {
  private static final double LOW = Math.log(0.05);
  private static final double HIGH = Math.log(20);
  private static final double TOLERANCE = 1e-4;
  private static final int BATCH = 256;
  private static final double INVERSE_PHI = (Math.sqrt(5) - 1) / 2;

  private TemperatureFitter() {}

  /**
   * Fits the temperature of {@code raw} on the images {@code indices} of {@code data}, whose labels
   * must be the classifier's class indices (the model's own training data).
   */
  public static TemperatureScaling fit(
      Classifier raw, LoadedDataset data, int[] indices, String split, String splitMethod) {
    if (!raw.classNames().equals(data.classNames())) {
      throw new IllegalArgumentException(
          "a temperature is fitted on the model's own classes " + raw.classNames());
    }
    float[][] probabilities = new float[indices.length][];
    int[] labels = new int[indices.length];
    for (int start = 0; start < indices.length; start += BATCH) {
      int end = Math.min(indices.length, start + BATCH);
      List<PixelImage> images = new ArrayList<>(end - start);
      for (int i = start; i < end; i++) {
        images.add(data.image(indices[i]));
        labels[i] = data.label(indices[i]);
      }
      float[][] p = raw.probabilities(images);
      System.arraycopy(p, 0, probabilities, start, p.length);
    }
    return fit(probabilities, labels, split, splitMethod);
  }

  /**
   * The temperature that minimises the NLL of {@code probabilities} (raw, one row per image) for
   * the true classes {@code trueClass}, with the calibration before and after.
   *
   * @param split "val" or "external": which images these are
   * @param splitMethod how the validation split was held out ("" for external data)
   * @throws IllegalArgumentException when there are no images
   */
  public static TemperatureScaling fit(
      float[][] probabilities, int[] trueClass, String split, String splitMethod) {
    if (probabilities.length == 0) {
      throw new IllegalArgumentException("no images to fit a temperature on");
    }
    double a = LOW;
    double b = HIGH;
    double c = b - INVERSE_PHI * (b - a);
    double d = a + INVERSE_PHI * (b - a);
    double fc = nll(probabilities, trueClass, Math.exp(c));
    double fd = nll(probabilities, trueClass, Math.exp(d));
    while (b - a > TOLERANCE) {
      if (fc < fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - INVERSE_PHI * (b - a);
        fc = nll(probabilities, trueClass, Math.exp(c));
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + INVERSE_PHI * (b - a);
        fd = nll(probabilities, trueClass, Math.exp(d));
      }
    }
    double t = Math.exp((a + b) / 2);
    CalibrationReport before = CalibrationReport.of(probabilities, trueClass);
    CalibrationReport after = CalibrationReport.of(scaled(probabilities, t), trueClass);
    if (after.nll() > before.nll()) {
      // the search interval's edge can be worse than T = 1 on degenerate data: never make it worse
      t = 1;
      after = before;
    }
    return new TemperatureScaling(
        t,
        split,
        splitMethod,
        probabilities.length,
        before.ece(),
        after.ece(),
        before.nll(),
        after.nll());
  }

  /** Every row rescaled by temperature {@code t}. */
  public static float[][] scaled(float[][] probabilities, double t) {
    float[][] out = new float[probabilities.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = TemperatureScaling.apply(probabilities[i], t);
    }
    return out;
  }

  private static double nll(float[][] probabilities, int[] trueClass, double t) {
    return CalibrationReport.of(scaled(probabilities, t), trueClass).nll();
  }
}
