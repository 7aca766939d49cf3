package org.aslwb.model;

import java.util.List;
import java.util.Optional;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Preprocessing;

/**
 * A classifier whose probabilities are rescaled by a fitted temperature, so that predict, evaluate
 * and LIME see calibrated probabilities. Loss gradients are the network's own (the attacks' loss):
 * the temperature does not change which class is predicted.
 */
public final class TemperatureScaledClassifier implements Classifier {
  private final Classifier raw;
  private final double temperature;

  /** Scales {@code raw}'s probabilities by {@code temperature}. */
  public TemperatureScaledClassifier(Classifier raw, double temperature) {
    this.raw = raw;
    this.temperature = temperature;
  }

  /** The temperature applied. */
  public double temperature() {
    return temperature;
  }

  @Override
  public List<String> classNames() {
    return raw.classNames();
  }

  @Override
  public Preprocessing preprocessing() {
    return raw.preprocessing();
  }

  @Override
  public float[][] probabilities(List<PixelImage> images) {
    float[][] p = raw.probabilities(images);
    for (int i = 0; i < p.length; i++) {
      p[i] = TemperatureScaling.apply(p[i], temperature);
    }
    return p;
  }

  /** The raw network's maps: the temperature only scales the logit, not where it comes from. */
  @Override
  public Optional<FeatureMaps> lastConvBlock(PixelImage image, int label) {
    return raw.lastConvBlock(image, label);
  }

  @Override
  public float[][] lossGradients(List<PixelImage> images, int[] labels) {
    return raw.lossGradients(images, labels);
  }
}
