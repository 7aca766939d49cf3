package org.aslwb.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Preprocessing;
import org.aslwb.model.Classifier;
import org.aslwb.model.TemperatureScaledClassifier;
import org.aslwb.model.TemperatureScaling;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  private static final int CLASSES = 10;

  /** A row with {@code confidence} on class {@code top} and the rest shared evenly. */
  private static float[] row(int top, double confidence) {
    float[] p = new float[CLASSES];
    java.util.Arrays.fill(p, (float) ((1 - confidence) / (CLASSES - 1)));
    p[top] = (float) confidence;
    return p;
  }

  /**
   * 12 confidence levels with 1000 predictions each, right exactly as often as their confidence
   * says (perfectly calibrated), or all at {@code statedConfidence} when it is positive.
   */
  private static CalibrationReport report(double statedConfidence) {
    List<float[]> rows = new ArrayList<>();
    List<Integer> truth = new ArrayList<>();
    for (int level = 3; level < 15; level++) {
      double confidence = (level + 0.5) / 15;
      int right = (int) Math.round(confidence * 1000);
      for (int i = 0; i < 1000; i++) {
        rows.add(row(0, statedConfidence > 0 ? statedConfidence : confidence));
        truth.add(i < right ? 0 : 1 + i % (CLASSES - 1));
      }
    }
    return CalibrationReport.of(
        rows.toArray(new float[0][]), truth.stream().mapToInt(Integer::intValue).toArray());
  }

  @Test
  void aPerfectlyCalibratedClassifierHasAnEceOfAboutZero() {
    CalibrationReport r = report(0);
    assertTrue(r.ece() < 1e-3, "ECE " + r.ece());
    assertEquals(CalibrationReport.BINS, r.bins().size());
    assertEquals(1000, r.bins().get(7).count());
    assertEquals(0, r.bins().get(0).count());
  }

  @Test
  void anOverConfidentClassifierHasALargeEce() {
    CalibrationReport honest = report(0);
    CalibrationReport overConfident = report(0.99);
    // mean accuracy is 0.6: saying 0.99 every time is off by about 0.39
    assertEquals(0.99 - 0.6, overConfident.ece(), 0.01);
    assertTrue(overConfident.nll() > honest.nll());
    assertTrue(
        org.aslwb.export.ReliabilityCsv.of(overConfident)
            .startsWith("bin_lower,bin_upper,count,mean_confidence"));
  }

  /** A fake network: fixed logits per image, multiplied by {@code sharpness}, then softmax. */
  private static final class ScaledLogits implements Classifier {
    private final double[][] logits;
    private final double sharpness;

    ScaledLogits(double[][] logits, double sharpness) {
      this.logits = logits;
      this.sharpness = sharpness;
    }

    @Override
    public List<String> classNames() {
      List<String> names = new ArrayList<>();
      for (int k = 0; k < CLASSES; k++) {
        names.add("c" + k);
      }
      return names;
    }

    @Override
    public Preprocessing preprocessing() {
      return new Preprocessing(1, 1, 1, new float[1], new float[] {1});
    }

    @Override
    public float[][] probabilities(List<PixelImage> images) {
      float[][] out = new float[images.size()][];
      for (int i = 0; i < images.size(); i++) {
        double[] z = logits[(int) images.get(i).data()[0]];
        double max = java.util.Arrays.stream(z).max().orElseThrow() * sharpness;
        double sum = 0;
        float[] p = new float[CLASSES];
        for (int k = 0; k < CLASSES; k++) {
          p[k] = (float) Math.exp(z[k] * sharpness - max);
          sum += p[k];
        }
        for (int k = 0; k < CLASSES; k++) {
          p[k] /= (float) sum;
        }
        out[i] = p;
      }
      return out;
    }

    @Override
    public float[][] lossGradients(List<PixelImage> images, int[] labels) {
      throw new UnsupportedOperationException("not used here");
    }
  }

  @Test
  void temperatureScalingLowersTheNllOfAnOverConfidentModelAndKeepsItsAnswers() {
    // labels drawn from softmax(z): a model reporting softmax(z) is calibrated, softmax(3z) is not
    Random random = new Random(11);
    int n = 3000;
    double[][] logits = new double[n][CLASSES];
    int[] labels = new int[n];
    List<PixelImage> images = new ArrayList<>();
    Classifier calibrated = new ScaledLogits(logits, 1);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < CLASSES; k++) {
        logits[i][k] = random.nextGaussian() * 1.5;
      }
      images.add(new PixelImage(1, 1, 1, new float[] {i}));
    }
    float[][] truth = calibrated.probabilities(images);
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble();
      int k = 0;
      for (double c = truth[i][0]; c < u && k < CLASSES - 1; c += truth[i][++k]) {}
      labels[i] = k;
    }
    Classifier overConfident = new ScaledLogits(logits, 3);
    float[][] raw = overConfident.probabilities(images);
    TemperatureScaling t = TemperatureFitter.fit(raw, labels, "val", "frames");
    assertEquals(3, t.temperature(), 0.3);
    assertTrue(t.nllAfter() < t.nllBefore(), t.toString());
    assertTrue(t.eceAfter() < t.eceBefore() / 2, t.toString());
    assertEquals(t.nllBefore(), CalibrationReport.of(raw, labels).nll(), 1e-9);

    Classifier scaled = new TemperatureScaledClassifier(overConfident, t.temperature());
    float[][] after = scaled.probabilities(images);
    for (int i = 0; i < n; i++) {
      assertEquals(Classifier.argmax(raw[i]), Classifier.argmax(after[i]));
    }
    assertEquals(t.nllAfter(), CalibrationReport.of(after, labels).nll(), 1e-4);
  }

  @Test
  void aWellCalibratedModelKeepsATemperatureNearOne() {
    Random random = new Random(5);
    int n = 2000;
    float[][] p = new float[n][];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      double c = 0.2 + 0.8 * random.nextDouble();
      p[i] = row(0, c);
      labels[i] = random.nextDouble() < c ? 0 : 1 + random.nextInt(CLASSES - 1);
    }
    TemperatureScaling t = TemperatureFitter.fit(p, labels, "val", "random");
    assertEquals(1, t.temperature(), 0.15);
    assertTrue(t.nllAfter() <= t.nllBefore());
  }
}
