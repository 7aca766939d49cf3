package org.aslwb.ui;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.aslwb.attack.AttackFrames;
import org.aslwb.data.Augmentation;
import org.aslwb.data.ImageDecoder;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.explain.ExplainInput;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.aslwb.ui.common.TaskRunner;

/**
 * State shared by the tabs: the model in use, the data set, the image being studied and its
 * adversarial twin, plus the one task runner. A view model, so it holds properties only.
 */
public final class Workspace {
  /** The settings key of the last data folder opened. */
  public static final String LAST_DATA = "data.last";

  /** The settings key of the last model opened. */
  public static final String LAST_MODEL = "model.last";

  private final TaskRunner tasks;
  private final UserSettings settings;
  private final ObjectProperty<TrainedModel> model = new SimpleObjectProperty<>();
  private final ObjectProperty<Path> modelFile = new SimpleObjectProperty<>();
  private final ObjectProperty<LoadedDataset> dataset = new SimpleObjectProperty<>();
  private final ObjectProperty<PixelImage> photo = new SimpleObjectProperty<>();
  private final ObjectProperty<PixelImage> adversarial = new SimpleObjectProperty<>();
  private final ObjectProperty<Path> imageFile = new SimpleObjectProperty<>();
  private final StringProperty adversarialSource = new SimpleStringProperty("");
  private final ObjectProperty<AttackFrames.Frame> adversarialFrame = new SimpleObjectProperty<>();
  private final StringProperty imageName = new SimpleStringProperty("");
  private final StringProperty engine = new SimpleStringProperty("starting engine...");
  private final StringProperty notice = new SimpleStringProperty("");
  private final BooleanProperty darkTheme = new SimpleBooleanProperty(false);
  private final StringProperty shownTab = new SimpleStringProperty("");
  private final ObjectProperty<Augmentation> augmentation =
      new SimpleObjectProperty<>(Augmentation.standard());

  /** A workspace whose long work runs through {@code tasks}, remembering nothing between runs. */
  public Workspace(TaskRunner tasks) {
    this(tasks, UserSettings.inMemory());
  }

  /** A workspace that remembers the theme, folders and model in {@code settings}. */
  public Workspace(TaskRunner tasks, UserSettings settings) {
    this.tasks = tasks;
    this.settings = settings;
    darkTheme.set(Boolean.parseBoolean(settings.get("theme.dark", "false")));
    darkTheme.addListener((o, a, dark) -> settings.put("theme.dark", Boolean.toString(dark)));
  }

  /**
   * Loads a model file in the background (job {@code jobName}) and makes it the model every tab
   * uses; {@code onLoaded} runs after that on the UI thread, {@code onError} gets the reason a file
   * cannot be used.
   */
  public void openModel(
      Path file,
      String jobName,
      java.util.function.Consumer<TrainedModel> onLoaded,
      java.util.function.Consumer<String> onError) {
    tasks.run(
        jobName,
        (p, c) -> ModelStore.load(file).warmedUp(),
        m -> {
          modelFile.set(file);
          model.set(m);
          onLoaded.accept(m);
        },
        e -> onError.accept(e.getMessage()));
  }

  /**
   * Decodes an image file in the background and makes it the image every tab studies; {@code
   * onError} gets the reason a file cannot be read (on the UI thread).
   */
  public void openImage(Path file, java.util.function.Consumer<String> onError) {
    tasks.run(
        "reading " + file.getFileName(),
        (p, c) -> ExplainInput.fromPhoto(new ImageDecoder().decode(file)),
        image -> {
          imageFile.set(file);
          // the name first: views re-label when the photo changes
          imageName.set(file.getFileName().toString());
          photo.set(image);
        },
        e -> onError.accept(e.getMessage()));
  }

  /** The current image's file, or null when it did not come from a file the user opened. */
  public ObjectProperty<Path> imageFileProperty() {
    return imageFile;
  }

  /** What the app remembers between runs. */
  public UserSettings settings() {
    return settings;
  }

  /**
   * Where the app keeps the models it trains and imports: {@code ~/aslwb-models}, or the folder
   * named by the {@code aslwb.models} system property (tests point it at a temporary folder).
   */
  public static Path modelsFolder() {
    String override = System.getProperty("aslwb.models");
    return override != null
        ? Path.of(override)
        : Path.of(System.getProperty("user.home"), "aslwb-models");
  }

  /** The task runner. */
  public TaskRunner tasks() {
    return tasks;
  }

  /** The model in use. */
  public ObjectProperty<TrainedModel> modelProperty() {
    return model;
  }

  /** Its file. */
  public ObjectProperty<Path> modelFileProperty() {
    return modelFile;
  }

  /** The data set loaded at the model's input size. */
  public ObjectProperty<LoadedDataset> datasetProperty() {
    return dataset;
  }

  /** The image being studied, as a photo ([0,1], its own size up to 256 px). */
  public ObjectProperty<PixelImage> photoProperty() {
    return photo;
  }

  /** The adversarial version of the current image (model input size), from the Attack tab. */
  public ObjectProperty<PixelImage> adversarialProperty() {
    return adversarial;
  }

  /** What made the adversarial image: "FGSM at eps 0.030 on A1008.jpg"; "" when there is none. */
  public StringProperty adversarialSourceProperty() {
    return adversarialSource;
  }

  /**
   * The Attack tab's frame behind {@link #adversarialProperty()} (its attack and epsilon), or null.
   */
  public ObjectProperty<AttackFrames.Frame> adversarialFrameProperty() {
    return adversarialFrame;
  }

  /** The current image's file name. */
  public StringProperty imageNameProperty() {
    return imageName;
  }

  /** Engine start-up state for the status bar. */
  public StringProperty engineProperty() {
    return engine;
  }

  /** A notice shown above the tabs (for instance that the demo data are synthetic). */
  public StringProperty noticeProperty() {
    return notice;
  }

  /** Whether the window uses the dark theme (Primer Dark) rather than the light one. */
  public BooleanProperty darkThemeProperty() {
    return darkTheme;
  }

  /**
   * The title of the tab the window shows ("Train"), or empty where no window says (a view tested
   * on its own), which counts as every view shown.
   */
  public StringProperty shownTabProperty() {
    return shownTab;
  }

  /** Whether the tab titled {@code title} is shown (see {@link #shownTabProperty()}). */
  public javafx.beans.binding.BooleanBinding tabShown(String title) {
    return javafx.beans.binding.Bindings.createBooleanBinding(
        () -> shownTab.get().isEmpty() || shownTab.get().equals(title), shownTab);
  }

  /** The training augmentation set in the Train tab, which the Data tab previews. */
  public ObjectProperty<Augmentation> augmentationProperty() {
    return augmentation;
  }
}
