package org.aslwb.ui.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.aslwb.data.Augmentation;
import org.aslwb.data.SplitMethod;
import org.aslwb.model.Architecture;
import org.aslwb.task.SettingChecks;
import org.aslwb.training.EarlyStopping;
import org.aslwb.training.LearningRateSchedule;
import org.aslwb.training.TrainingConfig;
import org.aslwb.ui.Workspace;

/**
 * The Train tab's form: one text per setting as typed, checked as it is typed, and parsed into a
 * {@link TrainingConfig}. A wrong value is reported with the CLI's name of the setting, so the
 * controller can mark its field.
 */
public final class TrainingForm {
  private final ObjectProperty<Architecture> architecture =
      new SimpleObjectProperty<>(Architecture.CNN);
  private final StringProperty width = new SimpleStringProperty("1.0");
  private final StringProperty size = new SimpleStringProperty("64");
  private final StringProperty epochs = new SimpleStringProperty("30");
  private final StringProperty batch = new SimpleStringProperty("128");
  private final StringProperty learningRate = new SimpleStringProperty("0.001");
  private final StringProperty schedule = new SimpleStringProperty("plateau:0.5:2");
  // the early-stopping fields start from the defaults the CLI documents
  private final StringProperty monitor =
      new SimpleStringProperty(
          TrainingConfig.DEFAULT_EARLY_STOPPING.monitor().name().toLowerCase(Locale.ROOT));
  private final StringProperty patience =
      new SimpleStringProperty(Integer.toString(TrainingConfig.DEFAULT_EARLY_STOPPING.patience()));
  private final StringProperty minDelta = new SimpleStringProperty("0.001");
  private final StringProperty valFraction = new SimpleStringProperty("0.2");
  private final StringProperty split = new SimpleStringProperty(SplitMethod.AUTO.toString());
  private final StringProperty seed = new SimpleStringProperty("42");
  private final StringProperty labelSmoothing =
      new SimpleStringProperty(Double.toString(TrainingConfig.DEFAULT_LABEL_SMOOTHING));
  // empty: robust accuracy is not measured (it costs a backward pass per validation image)
  private final StringProperty robustEpsilon = new SimpleStringProperty("");
  private final BooleanProperty augment = new SimpleBooleanProperty(true);
  private final AugmentationForm augmentationForm;
  private final StringProperty output =
      new SimpleStringProperty(defaultOutput(Architecture.CNN).toString());
  private final StringProperty formError = new SimpleStringProperty("");
  private final StringProperty invalidSetting = new SimpleStringProperty("");

  /** The form's settings by their CLI names, as the messages of a wrong value begin. */
  private static final List<String> SETTINGS =
      List.of(
          "width",
          "size",
          "epochs",
          "batch",
          "lr",
          "min-delta",
          "patience",
          "val-fraction",
          "label-smoothing",
          "robust-eps",
          "seed");

  /** A form with the CLI's defaults and the workspace's augmentation. */
  public TrainingForm(Workspace workspace) {
    this.augmentationForm = new AugmentationForm(workspace);
    architecture.addListener(
        (o, a, b) -> {
          width.set(Double.toString(TrainingConfig.defaults(b).widthMultiplier()));
          output.set(defaultOutput(b).toString());
        });
    // each field is checked as it is typed, so a wrong value shows before Start
    for (StringProperty field :
        List.of(
            width,
            size,
            epochs,
            batch,
            learningRate,
            schedule,
            patience,
            minDelta,
            valFraction,
            labelSmoothing,
            robustEpsilon,
            seed)) {
      field.addListener((o, a, b) -> config());
    }
  }

  private static Path defaultOutput(Architecture a) {
    return Workspace.modelsFolder().resolve(a.id() + ".aslwb");
  }

  /** Parses the form; sets {@link #formErrorProperty()} and returns null when invalid. */
  public TrainingConfig config() {
    try {
      Architecture a = architecture.get();
      TrainingConfig c =
          new TrainingConfig(
              a,
              number("width", width),
              (int) whole("size", size),
              (int) whole("epochs", epochs),
              (int) whole("batch", batch),
              number("lr", learningRate),
              LearningRateSchedule.parse(schedule.get()),
              new EarlyStopping(
                  EarlyStopping.Monitor.parse(monitor.get()),
                  number("min-delta", minDelta),
                  (int) whole("patience", patience)),
              number("val-fraction", valFraction),
              SplitMethod.parse(split.get()),
              augment.get() ? augmentationForm.parse() : Augmentation.none(),
              number("label-smoothing", labelSmoothing),
              whole("seed", seed),
              0,
              robustEpsilon());
      formError.set("");
      invalidSetting.set("");
      return c;
    } catch (IllegalArgumentException e) {
      formError.set(e.getMessage());
      String m = String.valueOf(e.getMessage());
      invalidSetting.set(
          SETTINGS.stream()
              .filter(k -> m.startsWith(k + " ") || m.startsWith(k + ":"))
              .findFirst()
              .orElse(m.toLowerCase(Locale.ROOT).contains("schedule") ? "schedule" : "?"));
    }
    return null;
  }

  /** An empty field measures nothing; a typed "NaN" is refused rather than read as empty. */
  private double robustEpsilon() {
    if (robustEpsilon.get() == null || robustEpsilon.get().isBlank()) {
      return TrainingConfig.NO_ROBUST_EPSILON;
    }
    return SettingChecks.between(
        "robust-eps", number("robust-eps", robustEpsilon), 0, true, 1, true);
  }

  private static double number(String setting, StringProperty field) {
    try {
      return Double.parseDouble(field.get().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(setting + ": not a number: \"" + field.get() + "\"");
    }
  }

  private static long whole(String setting, StringProperty field) {
    try {
      return Long.parseLong(field.get().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(setting + ": not a whole number: \"" + field.get() + "\"");
    }
  }

  /**
   * The CLI name of the setting whose field is wrong ("epochs", "lr", "schedule"...), "?" for
   * another problem, "" when the form is valid; checked as the user types, before Start.
   */
  public StringProperty invalidSettingProperty() {
    return invalidSetting;
  }

  /** Model choice. */
  public ObjectProperty<Architecture> architectureProperty() {
    return architecture;
  }

  /** Width multiplier. */
  public StringProperty widthProperty() {
    return width;
  }

  /** Input size. */
  public StringProperty sizeProperty() {
    return size;
  }

  /** Epochs. */
  public StringProperty epochsProperty() {
    return epochs;
  }

  /** Batch size. */
  public StringProperty batchProperty() {
    return batch;
  }

  /** Learning rate. */
  public StringProperty learningRateProperty() {
    return learningRate;
  }

  /** Schedule text. */
  public StringProperty scheduleProperty() {
    return schedule;
  }

  /** Early-stopping monitor. */
  public StringProperty monitorProperty() {
    return monitor;
  }

  /** Patience. */
  public StringProperty patienceProperty() {
    return patience;
  }

  /** Min delta. */
  public StringProperty minDeltaProperty() {
    return minDelta;
  }

  /** How validation images are held out: "auto", "frames", "random" or "blocks:N". */
  public StringProperty splitProperty() {
    return split;
  }

  /** The choices offered for {@link #splitProperty()}. */
  public List<String> splitChoices() {
    return List.of("auto", "frames", "random", "blocks:50");
  }

  /** Validation fraction. */
  public StringProperty valFractionProperty() {
    return valFraction;
  }

  /** Seed. */
  public StringProperty seedProperty() {
    return seed;
  }

  /** Label smoothing, 0..0.5. */
  public StringProperty labelSmoothingProperty() {
    return labelSmoothing;
  }

  /**
   * The FGSM epsilon of the validation accuracy under attack measured after each epoch, in [0,1];
   * empty to skip it.
   */
  public StringProperty robustEpsilonProperty() {
    return robustEpsilon;
  }

  /** The augmentation switches and their strengths. */
  public AugmentationForm augmentationForm() {
    return augmentationForm;
  }

  /** Augmentation on/off. */
  public BooleanProperty augmentProperty() {
    return augment;
  }

  /** Output model file. */
  public StringProperty outputProperty() {
    return output;
  }

  /** What is wrong with the form, or why a run was refused; empty when nothing is. */
  public StringProperty formErrorProperty() {
    return formError;
  }
}
