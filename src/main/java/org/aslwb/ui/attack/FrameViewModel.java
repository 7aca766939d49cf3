package org.aslwb.ui.attack;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.aslwb.attack.AttackFrames;
import org.aslwb.evaluation.Prediction;

/**
 * What the Attack tab shows of one image: the clean image and its prediction, and the latest frame
 * (its noise, the adversarial image, its prediction and whether it flipped). {@link
 * AttackViewModel} computes frames off the FX thread and hands them here ready to swap in; this
 * class only holds them, so a swap costs the FX thread a few property sets.
 */
public final class FrameViewModel {
  private final ObjectProperty<Image> clean = new SimpleObjectProperty<>();
  private final ObjectProperty<Image> noise = new SimpleObjectProperty<>();
  private final ObjectProperty<Image> adversarial = new SimpleObjectProperty<>();
  private final StringProperty cleanLabel = new SimpleStringProperty("");
  private final StringProperty adversarialLabel = new SimpleStringProperty("");
  private final BooleanProperty flipped = new SimpleBooleanProperty(false);
  private final ObservableList<Prediction.Ranked> cleanTop = FXCollections.observableArrayList();
  private final ObservableList<Prediction.Ranked> adversarialTop =
      FXCollections.observableArrayList();

  FrameViewModel() {}

  /** Forgets the previous image's frames (a new model, image, method or target). */
  void clear() {
    clean.set(null);
    noise.set(null);
    adversarial.set(null);
    cleanLabel.set("");
    adversarialLabel.set("");
    flipped.set(false);
    cleanTop.clear();
    adversarialTop.clear();
  }

  /** Shows the clean image at the model's input size and its prediction. */
  void showClean(Image image, Prediction prediction) {
    clean.set(image);
    cleanLabel.set(String.format("clean: %s (%.3f)", prediction.label(), prediction.confidence()));
    cleanTop.setAll(prediction.top());
  }

  /** Swaps in a frame whose images were made off the FX thread. */
  void showFrame(AttackFrames.Frame f, Image noiseImage, Image adversarialImage) {
    noise.set(noiseImage);
    adversarial.set(adversarialImage);
    adversarialTop.setAll(f.prediction().top());
    flipped.set(f.flipped());
    adversarialLabel.set(
        String.format(
            "adversarial: %s (%.3f)%s",
            f.prediction().label(), f.prediction().confidence(), f.flipped() ? "  FLIPPED" : ""));
  }

  /** Clean image. */
  public ObjectProperty<Image> cleanProperty() {
    return clean;
  }

  /** Perturbation sign pattern. */
  public ObjectProperty<Image> noiseProperty() {
    return noise;
  }

  /** Adversarial image. */
  public ObjectProperty<Image> adversarialProperty() {
    return adversarial;
  }

  /** Clean prediction. */
  public StringProperty cleanLabelProperty() {
    return cleanLabel;
  }

  /** Adversarial prediction. */
  public StringProperty adversarialLabelProperty() {
    return adversarialLabel;
  }

  /** Whether the attack changed the prediction. */
  public BooleanProperty flippedProperty() {
    return flipped;
  }

  /** Clean top-5. */
  public ObservableList<Prediction.Ranked> cleanTop() {
    return cleanTop;
  }

  /** Adversarial top-5. */
  public ObservableList<Prediction.Ranked> adversarialTop() {
    return adversarialTop;
  }
}
