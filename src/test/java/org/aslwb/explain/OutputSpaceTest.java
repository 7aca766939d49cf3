package org.aslwb.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Preprocessing;
import org.aslwb.export.WeightsJson;
import org.aslwb.model.Classifier;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.Test;

class OutputSpaceTest {
  /** Logits z0 = 10 + 5 x (mean red of the top-left quarter), z1 = 0: confident, saturated. */
  static final class ConfidentClassifier implements Classifier {
    @Override
    public List<String> classNames() {
      return List.of("red-top-left", "other");
    }

    @Override
    public Preprocessing preprocessing() {
      return Preprocessing.rgb(16);
    }

    @Override
    public float[][] probabilities(List<PixelImage> images) {
      // the fake of LimeTest reads the top-left quarter's mean red as its probability
      float[][] red = new LimeTest.TopLeftClassifier().probabilities(images);
      float[][] out = new float[images.size()][];
      for (int i = 0; i < images.size(); i++) {
        double z = 10 + 5 * red[i][0];
        out[i] = new float[] {(float) (1 / (1 + Math.exp(-z))), (float) (1 / (1 + Math.exp(z)))};
      }
      return out;
    }

    @Override
    public float[][] lossGradients(List<PixelImage> images, int[] labels) {
      throw new UnsupportedOperationException("LIME needs no gradients");
    }
  }

  static LimeSettings blackFill(int samples, long seed) {
    LimeSettings d = LimeSettings.defaults();
    return new LimeSettings(
        samples,
        d.kernelWidth(),
        d.topLabels(),
        new float[] {0, 0, 0},
        d.ridgeAlpha(),
        d.segmentation(),
        seed,
        d.batchSize());
  }

  @Test
  void marginAndLogProbabilityKeepTheDigitsASaturatedProbabilityLoses() {
    // logits 12 and 0: p = (1 - 6.1e-6, 6.1e-6)
    float[] p = {(float) (1 / (1 + Math.exp(-12))), (float) (1 / (1 + Math.exp(12)))};
    assertEquals(12, OutputSpace.LOGIT_MARGIN.of(p, 0), 1e-4);
    assertEquals(-12, OutputSpace.LOGIT_MARGIN.of(p, 1), 1e-4);
    assertEquals(-Math.log1p(Math.exp(-12)), OutputSpace.LOG_PROBABILITY.of(p, 0), 1e-9);
    assertEquals(-12 - Math.log1p(Math.exp(-12)), OutputSpace.LOG_PROBABILITY.of(p, 1), 1e-4);
    assertEquals(p[0], OutputSpace.PROBABILITY.of(p, 0), 0);
  }

  @Test
  void autoExplainsTheMarginOfASaturatedModelAndFindsTheRegion() {
    Explanation e =
        new LimeExplainer()
            .explain(
                new ConfidentClassifier(),
                LimeTest.blocks(),
                blackFill(300, 3),
                null,
                ProgressListener.NONE,
                Cancellation.none());
    assertEquals(OutputSpace.LOGIT_MARGIN, e.outputSpace());
    assertTrue(e.outputSpaceChosen());
    int topLeft = e.segmentation().at(5, 5);
    assertEquals(topLeft, e.top().ranking()[0]);
    // hiding the red block moves the margin by 5 x 0.9 = 4.5 logits
    assertEquals(4.5, e.top().weights()[topLeft], 0.5);
    assertFalse(e.top().informativeness().saturated());
  }

  @Test
  void theProbabilityOfASaturatedModelIsFlaggedInTheExplanationAndInWeightsJson() {
    Explanation e =
        new LimeExplainer()
            .explain(
                new ConfidentClassifier(),
                LimeTest.blocks(),
                blackFill(300, 3),
                OutputSpace.PROBABILITY,
                ProgressListener.NONE,
                Cancellation.none());
    assertEquals(OutputSpace.PROBABILITY, e.outputSpace());
    assertTrue(e.top().informativeness().saturated());
    assertTrue(e.top().informativeness().topWeightFraction() < 0.01);
    String json = WeightsJson.of("blocks.png", e);
    assertTrue(json.contains("\"output_space\" : \"probability\""), json);
    assertTrue(json.contains("\"saturated\" : true"), json);
    assertTrue(json.contains("\"warning\" : \"every |weight| is below 1%"), json);
  }

  @Test
  void autoKeepsTheProbabilityWhenItIsNotSaturated() {
    Explanation e =
        new LimeExplainer()
            .explain(
                new LimeTest.TopLeftClassifier(),
                LimeTest.blocks(),
                blackFill(300, 3),
                ProgressListener.NONE,
                Cancellation.none());
    assertEquals(OutputSpace.PROBABILITY, e.outputSpace());
    assertFalse(e.top().informativeness().saturated());
    assertTrue(WeightsJson.of("b.png", e).contains("\"saturated\" : false"));
  }
}
