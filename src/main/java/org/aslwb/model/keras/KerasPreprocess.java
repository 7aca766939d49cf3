package org.aslwb.model.keras;

import java.util.Locale;
import org.aslwb.data.Preprocessing;

/**
 * The input scaling a Keras model was trained with. A Keras file does not store it (it lives in the
 * training script), so the user names it; the workbench always feeds [0,1] pixels and folds the
 * scaling into the model's per-channel mean and standard deviation.
 */
public enum KerasPreprocess {
  /** Pixels / 255: [0,1] ({@code Rescaling(1/255)}). */
  UNIT(new float[] {0, 0, 0}, new float[] {1, 1, 1}),
  /** Pixels / 127.5 - 1: [-1,1] (Teachable Machine, MobileNet's {@code preprocess_input}). */
  MINUS1TO1(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f}),
  /** [0,1] then ImageNet's per-channel mean and standard deviation (torchvision's "torch" mode). */
  IMAGENET(new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});

  private final float[] mean;
  private final float[] std;

  KerasPreprocess(float[] mean, float[] std) {
    this.mean = mean;
    this.std = std;
  }

  /** The CLI name: "unit", "minus1to1", "imagenet". */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return switch (this) {
      case UNIT -> "unit: pixels / 255, [0, 1]";
      case MINUS1TO1 -> "minus1to1: pixels / 127.5 - 1, [-1, 1] (Teachable Machine)";
      case IMAGENET -> "imagenet: [0, 1], then ImageNet mean and std";
    };
  }

  /** Parses a CLI name (case-insensitive). */
  public static KerasPreprocess parse(String id) {
    for (KerasPreprocess p : values()) {
      if (p.id().equalsIgnoreCase(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown --preprocess '" + id + "' (use unit, minus1to1 or imagenet)");
  }

  /** The preprocessing of a {@code width x height x channels} input with this scaling. */
  public Preprocessing preprocessing(int width, int height, int channels) {
    float[] m = new float[channels];
    float[] s = new float[channels];
    for (int c = 0; c < channels; c++) {
      m[c] = channels == 1 ? 0.5f * (mean[0] + mean[1]) : mean[c];
      s[c] = channels == 1 ? 0.5f * (std[0] + std[1]) : std[c];
    }
    return new Preprocessing(width, height, channels, m, s);
  }
}
