package org.aslwb.ui.train;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.aslwb.data.Augmentation;
import org.aslwb.ui.Workspace;

/**
 * The Train tab's augmentation switches, one text field per strength (0: off). Every valid edit
 * becomes the workspace's augmentation, which the Data tab previews.
 */
public final class AugmentationForm {
  /**
   * One switch of the form.
   *
   * @param key the switch's name in {@link Augmentation#KEYS}
   * @param label what the form shows
   * @param value the strength as typed
   */
  public record Field(String key, String label, StringProperty value) {}

  private final Workspace workspace;
  private final List<Field> fields = new ArrayList<>();

  /** A form showing the workspace's augmentation. */
  public AugmentationForm(Workspace workspace) {
    this.workspace = workspace;
    Augmentation a = workspace.augmentationProperty().get();
    for (String key : Augmentation.KEYS) {
      StringProperty value = new SimpleStringProperty(number(a.get(key)));
      value.addListener((o, was, text) -> publish());
      fields.add(new Field(key, label(key), value));
    }
  }

  /** The switches, in {@link Augmentation#KEYS} order. */
  public List<Field> fields() {
    return fields;
  }

  /** The field of switch {@code key}. */
  public StringProperty valueOf(String key) {
    return fields.get(Augmentation.KEYS.indexOf(key)).value();
  }

  /**
   * The augmentation the form describes.
   *
   * @throws IllegalArgumentException naming the switch that is not a number or out of range
   */
  public Augmentation parse() {
    Augmentation a = Augmentation.none();
    for (Field f : fields) {
      double v;
      try {
        v = Double.parseDouble(f.value().get().trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            f.label() + ": not a number: \"" + f.value().get() + "\"");
      }
      a = a.with(f.key(), v);
    }
    return a;
  }

  // only valid forms reach the preview; the Train tab reports the invalid ones on Start
  private void publish() {
    try {
      workspace.augmentationProperty().set(parse());
    } catch (IllegalArgumentException e) {
      // the last valid augmentation stays previewed
    }
  }

  private static String label(String key) {
    return switch (key) {
      case "rotation" -> "Rotation (degrees)";
      case "width_shift" -> "Width shift";
      case "height_shift" -> "Height shift";
      case "crop" -> "Crop";
      case "brightness" -> "Brightness";
      case "contrast" -> "Contrast";
      case "saturation" -> "Saturation";
      case "hue" -> "Hue (turns)";
      case "greyscale" -> "Greyscale (probability)";
      case "zoom_out" -> "Zoom out";
      case "blur" -> "Blur (sigma, pixels)";
      case "noise" -> "Noise (sigma)";
      case "flip" -> "Mirror (probability)";
      case "background" -> "New background (probability)";
      default -> key;
    };
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
