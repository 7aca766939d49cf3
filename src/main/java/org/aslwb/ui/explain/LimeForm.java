package org.aslwb.ui.explain;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.aslwb.explain.LimeSettings;
import org.aslwb.explain.QuickshiftSettings;

/**
 * The Explain tab's LIME parameters as the user typed them, starting from the {@code lime}
 * package's defaults, and their reading into {@link LimeSettings}.
 */
public final class LimeForm {
  private final StringProperty samples = new SimpleStringProperty("1000");
  private final StringProperty kernelWidth = new SimpleStringProperty("0.25");
  private final StringProperty kernelSize = new SimpleStringProperty("4");
  private final StringProperty maxDist = new SimpleStringProperty("200");
  private final StringProperty ratio = new SimpleStringProperty("0.2");
  private final StringProperty seed = new SimpleStringProperty("42");
  private final StringProperty hideColour = new SimpleStringProperty("mean");
  private final StringProperty outputSpace = new SimpleStringProperty("auto");

  /**
   * The settings the fields give.
   *
   * @throws IllegalArgumentException (a {@link NumberFormatException} among them) naming what
   *     cannot be read
   */
  LimeSettings settings() {
    float[] hide =
        switch (hideColour.get()) {
          case "black" -> new float[] {0, 0, 0};
          case "grey" -> new float[] {0.5f, 0.5f, 0.5f};
          default -> null;
        };
    LimeSettings d = LimeSettings.defaults();
    return new LimeSettings(
        Integer.parseInt(samples.get()),
        Double.parseDouble(kernelWidth.get()),
        d.topLabels(),
        hide,
        d.ridgeAlpha(),
        new QuickshiftSettings(
            Double.parseDouble(kernelSize.get()),
            Double.parseDouble(maxDist.get()),
            Double.parseDouble(ratio.get()),
            true,
            42),
        Long.parseLong(seed.get()),
        d.batchSize());
  }

  /** LIME samples. */
  public StringProperty samplesProperty() {
    return samples;
  }

  /** The output explained: auto, probability, log-probability or margin. */
  public StringProperty outputSpaceProperty() {
    return outputSpace;
  }

  /** LIME kernel width. */
  public StringProperty kernelWidthProperty() {
    return kernelWidth;
  }

  /** Quickshift kernel size. */
  public StringProperty kernelSizeProperty() {
    return kernelSize;
  }

  /** Quickshift max distance. */
  public StringProperty maxDistProperty() {
    return maxDist;
  }

  /** Quickshift ratio. */
  public StringProperty ratioProperty() {
    return ratio;
  }

  /** LIME sampling seed. */
  public StringProperty seedProperty() {
    return seed;
  }

  /** Colour of hidden superpixels: mean, black or grey. */
  public StringProperty hideColourProperty() {
    return hideColour;
  }
}
