package org.aslwb.ui.attack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import javafx.scene.image.Image;
import org.aslwb.attack.AttackFrames;
import org.aslwb.attack.SweepResult;
import org.aslwb.attack.SweepSettings;
import org.aslwb.attack.ValidationSweep;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.evaluation.Prediction;
import org.aslwb.export.AttackFiles;
import org.aslwb.model.Classifier;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.LatestWins;
import org.aslwb.ui.Workspace;
import org.aslwb.ui.common.Images;
import org.aslwb.ui.common.TaskRunner;

/**
 * The Attack tab's state. Every frame is computed off the FX thread by {@link AttackFrames} (the
 * code {@code bench frame} times), latest wins: during a drag only the frame in progress and the
 * newest one are computed, and the FX thread only swaps the images. FGSM frames follow the slider;
 * BIM and PGD, which need many gradients per frame, run once when the slider comes to rest. A new
 * model, image, method or target cancels and clears the previous attack state before its first
 * frame.
 */
public final class AttackViewModel {
  /** Images per sweep by default (the first N of the validation split). */
  public static final int DEFAULT_LIMIT = 290;

  /** The untargeted choice in the target list. */
  public static final String UNTARGETED = "untargeted";

  private static final double[] SWEEP_EPS = {
    0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3
  };

  private final Workspace workspace;
  private final DoubleProperty epsilon = new SimpleDoubleProperty(0.03);
  private final BooleanProperty dragging = new SimpleBooleanProperty(false);
  private final BooleanProperty wideRange = new SimpleBooleanProperty(false);
  private final StringProperty method = new SimpleStringProperty("fgsm");
  private final StringProperty target = new SimpleStringProperty(UNTARGETED);
  private final ObservableList<String> targets = FXCollections.observableArrayList(UNTARGETED);
  private final ObjectProperty<Image> clean = new SimpleObjectProperty<>();
  private final ObjectProperty<Image> noise = new SimpleObjectProperty<>();
  private final ObjectProperty<Image> adversarial = new SimpleObjectProperty<>();
  private final StringProperty cleanLabel = new SimpleStringProperty("");
  private final StringProperty adversarialLabel = new SimpleStringProperty("");
  private final StringProperty imageText = new SimpleStringProperty("no image yet");
  private final BooleanProperty flipped = new SimpleBooleanProperty(false);
  private final StringProperty epsilonText = new SimpleStringProperty("");
  private final ObservableList<Prediction.Ranked> cleanTop = FXCollections.observableArrayList();
  private final ObservableList<Prediction.Ranked> adversarialTop =
      FXCollections.observableArrayList();
  private final ObservableList<XYChart.Series<Number, Number>> curves =
      FXCollections.observableArrayList();
  private final XYChart.Series<Number, Number> marker = new XYChart.Series<>();
  private final StringProperty limit = new SimpleStringProperty(Integer.toString(DEFAULT_LIMIT));
  private final StringProperty message = new SimpleStringProperty("");
  private final ObservableList<SweepResult> results = FXCollections.observableArrayList();
  private final LatestWins<AttackFrames.Prepared> preparing;
  private final LatestWins<Shown> frames;
  private final LongProperty framesShown = new SimpleLongProperty();
  private AttackFrames.Prepared prepared;
  private boolean rebuildingTargets;
  // the iterative frame asked for last, so a slider release asks for it once
  private String lastIterative;
  private volatile long frameMillis;

  /** A frame ready to show: computed and converted to JavaFX images off the FX thread. */
  private record Shown(AttackFrames.Frame frame, Image noise, Image adversarial) {}

  /** A view model over the shared workspace. */
  public AttackViewModel(Workspace workspace) {
    this.workspace = workspace;
    this.preparing = workspace.tasks().latestWins("input gradient");
    this.frames = workspace.tasks().latestWins("attack frame");
    marker.setName("slider");
    curves.add(marker);
    workspace.photoProperty().addListener((o, a, b) -> prepare());
    workspace.imageNameProperty().addListener((o, a, b) -> describeImage());
    workspace
        .modelProperty()
        .addListener(
            (o, a, m) -> {
              rebuildingTargets = true; // one gradient for the new model, not one per change
              targets.setAll(UNTARGETED);
              if (m != null) {
                targets.addAll(m.metadata().classNames());
              }
              target.set(UNTARGETED);
              rebuildingTargets = false;
              prepare();
            });
    epsilon.addListener((o, a, b) -> frame());
    dragging.addListener(
        (o, a, now) -> {
          if (!now && !"fgsm".equals(method.get())) {
            frame(); // the slider came to rest: the iterative frame at its epsilon
          }
        });
    method.addListener((o, a, b) -> prepare());
    target.addListener(
        (o, a, b) -> {
          if (!rebuildingTargets) {
            prepare();
          }
        });
  }

  /**
   * Cancels the frames and the gradient in progress and clears everything shown of the previous
   * model, image or settings.
   */
  private void clear() {
    preparing.reset();
    frames.reset();
    prepared = null;
    lastIterative = null;
    clean.set(null);
    noise.set(null);
    adversarial.set(null);
    cleanLabel.set("");
    adversarialLabel.set("");
    flipped.set(false);
    cleanTop.clear();
    adversarialTop.clear();
    workspace.adversarialProperty().set(null);
    workspace.adversarialSourceProperty().set("");
  }

  /** Computes the clean prediction and the input gradient in the background, then a frame. */
  public void prepare() {
    clear();
    describeImage();
    TrainedModel model = workspace.modelProperty().get();
    PixelImage photo = workspace.photoProperty().get();
    if (model == null || photo == null) {
      return;
    }
    Classifier classifier = model.classifier();
    int goal = goalLabel(classifier);
    long generation = preparing.generation();
    preparing.submit(
        (p, c) -> AttackFrames.prepare(classifier, photo, goal),
        r ->
            workspace
                .tasks()
                .onUi(
                    () -> {
                      if (generation == preparing.generation()) {
                        prepared(r);
                      }
                    }),
        e -> workspace.tasks().onUi(() -> message.set(e.getMessage())));
  }

  private void prepared(AttackFrames.Prepared r) {
    prepared = r;
    clean.set(Images.of(r.input()));
    cleanLabel.set(String.format("clean: %s (%.3f)", r.clean().label(), r.clean().confidence()));
    cleanTop.setAll(r.clean().top());
    frame();
  }

  private void describeImage() {
    String name = workspace.imageNameProperty().get();
    imageText.set(
        workspace.photoProperty().get() == null
            ? "No image yet: pick one from the gallery, open a file or drop one here."
            : "Image: " + (name == null || name.isEmpty() ? "(unnamed)" : name));
  }

  /**
   * The label whose loss the attack follows: the target's when targeted; otherwise -1, meaning the
   * clean prediction (the image's true class is unknown for a loaded photo).
   */
  private int goalLabel(Classifier classifier) {
    return untargeted() ? -1 : classifier.classNames().indexOf(target.get());
  }

  /** Untargeted, also while the target list is rebuilt (the choice box passes through null). */
  private boolean untargeted() {
    return target.get() == null || UNTARGETED.equals(target.get());
  }

  /**
   * Asks for the frame at the slider's epsilon: FGSM at once, BIM and PGD once the slider is at
   * rest (not while it is dragged), each at most once per epsilon.
   */
  public void frame() {
    updateEpsilonText();
    updateMarker();
    AttackFrames.Prepared ready = prepared;
    TrainedModel model = workspace.modelProperty().get();
    if (ready == null || model == null) {
      return;
    }
    String m = method.get();
    double eps = epsilon.get();
    if (!"fgsm".equals(m)) {
      String key = m + "@" + eps;
      if (dragging.get() || key.equals(lastIterative)) {
        return;
      }
      lastIterative = key;
    }
    Classifier classifier = model.classifier();
    long generation = frames.generation();
    frames.submit(
        (p, c) -> {
          long t = System.nanoTime();
          AttackFrames.Frame f = AttackFrames.of(classifier, ready, m, eps, c);
          frameMillis = (System.nanoTime() - t) / 1_000_000;
          return new Shown(
              f, Images.noise(ready.input(), f.adversarial()), Images.of(f.adversarial()));
        },
        r ->
            workspace
                .tasks()
                .onUi(
                    () -> {
                      if (generation == frames.generation()) {
                        show(r);
                      }
                    }),
        e -> workspace.tasks().onUi(() -> message.set(e.getMessage())));
  }

  private void show(Shown r) {
    AttackFrames.Frame f = r.frame();
    noise.set(r.noise());
    adversarial.set(r.adversarial());
    adversarialTop.setAll(f.prediction().top());
    flipped.set(f.flipped());
    adversarialLabel.set(
        String.format(
            "adversarial: %s (%.3f)%s",
            f.prediction().label(), f.prediction().confidence(), f.flipped() ? "  FLIPPED" : ""));
    workspace.adversarialProperty().set(f.adversarial());
    workspace
        .adversarialSourceProperty()
        .set(
            String.format(
                "%s at eps %.3f%s on %s",
                f.method().toUpperCase(java.util.Locale.ROOT),
                f.epsilon(),
                untargeted() ? "" : " towards " + target.get(),
                workspace.imageNameProperty().get()));
    framesShown.set(framesShown.get() + 1);
  }

  private void updateEpsilonText() {
    TrainedModel m = workspace.modelProperty().get();
    double perUnit =
        m == null
            ? 1
            : Arrays.stream(m.metadata().preprocessing().normalisedPerPixelUnit())
                .average()
                .orElse(1);
    epsilonText.set(
        String.format(
            "eps %.3f on the [0,1] pixel scale = %.3f on the model's normalised scale (%.1f/255)",
            epsilon.get(), epsilon.get() * perUnit, epsilon.get() * 255));
  }

  private void updateMarker() {
    marker
        .getData()
        .setAll(
            List.of(new XYChart.Data<>(epsilon.get(), 0), new XYChart.Data<>(epsilon.get(), 1)));
  }

  /** Sweeps accuracy against epsilon for the current model over the first N validation images. */
  public void sweep() {
    TrainedModel model = workspace.modelProperty().get();
    if (model == null) {
      message.set("Needs a model and a data set.");
      return;
    }
    Path file = workspace.modelFileProperty().get();
    sweep(file == null ? model.describe() : file.getFileName().toString(), (p, c) -> model);
  }

  /**
   * Sweeps another saved model over the same images and adds its curve to the chart, leaving the
   * workspace's model as it is (the seed report compares the CNN with DarkNet-53 this way).
   */
  public void compare(Path modelFile) {
    sweep(modelFile.getFileName().toString(), (p, c) -> ModelStore.load(modelFile));
  }

  private void sweep(String name, TaskRunner.Work<TrainedModel> model) {
    LoadedDataset shown = workspace.datasetProperty().get();
    if (shown == null) {
      message.set("Needs a model and a data set.");
      return;
    }
    SweepSettings settings;
    try {
      settings = new SweepSettings(SWEEP_EPS, Integer.parseInt(limit.get().trim()));
    } catch (NumberFormatException e) {
      message.set("Images: not a number");
      return;
    } catch (IllegalArgumentException e) {
      message.set("Images: " + e.getMessage());
      return;
    }
    String methodName = method.get();
    String goalName = untargeted() ? null : target.get();
    workspace
        .tasks()
        .run(
            methodName + " sweep of " + name,
            (p, c) ->
                ValidationSweep.run(
                    name,
                    model.run(p, c),
                    shown,
                    methodName,
                    goalName,
                    settings,
                    AttackFrames.SEED,
                    p,
                    c),
            this::addCurve,
            e -> message.set(e.getMessage()));
  }

  private void addCurve(SweepResult r) {
    results.add(r);
    XYChart.Series<Number, Number> s = new XYChart.Series<>();
    s.setName(String.format("%s %s (%d images)", r.model(), r.method(), r.images()));
    r.points().forEach(pt -> s.getData().add(new XYChart.Data<>(pt.epsilon(), pt.accuracy())));
    curves.add(s);
    message.set(
        String.format(
            "%s: %d images, %d gradient passes, %.1f s",
            s.getName(), r.images(), r.gradientPasses(), r.seconds()));
  }

  /** Removes all curves but the marker. */
  public void clearCurves() {
    results.clear();
    curves.setAll(List.of(marker));
  }

  /** Whether a sweep curve is on the chart (the chart says "no data yet" before). */
  public boolean hasCurves() {
    return !results.isEmpty();
  }

  /** Writes curve.csv and curve.png (all curves) and adversarial.png into {@code dir}. */
  public void export(Path dir) {
    PixelImage adv = workspace.adversarialProperty().get();
    List<SweepResult> copy = List.copyOf(results);
    workspace
        .tasks()
        .run(
            "exporting",
            (p, c) -> {
              AttackFiles.write(dir, copy, adv);
              return dir;
            },
            d -> message.set("Exported to " + d),
            e -> message.set("Export failed: " + e.getMessage()));
  }

  /** The sweeps so far, in the order run (the robustness views follow the latest). */
  public ObservableList<SweepResult> sweeps() {
    return results;
  }

  /** Opens an image file here (it becomes every tab's image). */
  public void openImage(Path file) {
    message.set("");
    workspace.openImage(file, message::set);
  }

  /** Frames computed so far (a drag computes few of its events' frames). */
  public long framesComputed() {
    return frames.computed();
  }

  /** Frames shown so far; changes on the FX thread. */
  public LongProperty framesShownProperty() {
    return framesShown;
  }

  /** Whether the slider is being dragged (BIM and PGD wait until it rests). */
  public BooleanProperty draggingProperty() {
    return dragging;
  }

  /** Which image the tab attacks. */
  public StringProperty imageTextProperty() {
    return imageText;
  }

  /** Milliseconds the last FGSM frame took. */
  public long frameMillis() {
    return frameMillis;
  }

  /** Slider value (pixel scale). */
  public DoubleProperty epsilonProperty() {
    return epsilon;
  }

  /** Slider up to 1.0 instead of 0.3. */
  public BooleanProperty wideRangeProperty() {
    return wideRange;
  }

  /** fgsm, bim or pgd. */
  public StringProperty methodProperty() {
    return method;
  }

  /** Target class or untargeted. */
  public StringProperty targetProperty() {
    return target;
  }

  /** Target choices. */
  public ObservableList<String> targets() {
    return targets;
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

  /** Epsilon on both scales. */
  public StringProperty epsilonTextProperty() {
    return epsilonText;
  }

  /** Clean top-5. */
  public ObservableList<Prediction.Ranked> cleanTop() {
    return cleanTop;
  }

  /** Adversarial top-5. */
  public ObservableList<Prediction.Ranked> adversarialTop() {
    return adversarialTop;
  }

  /** Chart series: the marker and one curve per sweep. */
  public ObservableList<XYChart.Series<Number, Number>> curves() {
    return curves;
  }

  /** Images per sweep. */
  public StringProperty limitProperty() {
    return limit;
  }

  /** Notices. */
  public StringProperty messageProperty() {
    return message;
  }
}
