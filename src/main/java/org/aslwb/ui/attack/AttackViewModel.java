package org.aslwb.ui.attack;

import java.nio.file.Path;
import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.aslwb.attack.AttackFrames;
import org.aslwb.data.PixelImage;
import org.aslwb.model.Classifier;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.LatestWins;
import org.aslwb.ui.Workspace;
import org.aslwb.ui.common.Images;

/**
 * The Attack tab's state: the attack's settings (epsilon, method, goal) and the frame pipeline.
 * Every frame is computed off the FX thread by {@link AttackFrames} (the code {@code bench frame}
 * times) and converted to JavaFX images there too, latest wins: during a drag only the frame in
 * progress and the newest one are computed, and the FX thread only swaps the images into {@link
 * FrameViewModel}. FGSM frames follow the slider; BIM and PGD, which need many gradients per frame,
 * run once when the slider comes to rest. A new model, image, method or target cancels and clears
 * the previous attack state before its first frame. The sweeps' chart is {@link
 * SweepCurvesViewModel}.
 */
public final class AttackViewModel {
  /** The untargeted choice in the target list. */
  public static final String UNTARGETED = "untargeted";

  private final Workspace workspace;
  private final DoubleProperty epsilon = new SimpleDoubleProperty(0.03);
  private final BooleanProperty dragging = new SimpleBooleanProperty(false);
  private final BooleanProperty wideRange = new SimpleBooleanProperty(false);
  private final StringProperty method = new SimpleStringProperty("fgsm");
  private final StringProperty target = new SimpleStringProperty(UNTARGETED);
  private final ObservableList<String> targets = FXCollections.observableArrayList(UNTARGETED);
  private final StringProperty imageText = new SimpleStringProperty("no image yet");
  private final StringProperty epsilonText = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");
  private final FrameViewModel shown = new FrameViewModel();
  private final SweepCurvesViewModel sweepCurves;
  private final LatestWins<AttackFrames.Prepared> preparing;
  private final LatestWins<Shown> frames;
  private AttackFrames.Prepared prepared;
  private boolean rebuildingTargets;
  // the iterative frame asked for last, so a slider release asks for it once
  private String lastIterative;

  /** A frame ready to show: computed and converted to JavaFX images off the FX thread. */
  private record Shown(AttackFrames.Frame frame, Image noise, Image adversarial) {}

  /** A view model over the shared workspace. */
  public AttackViewModel(Workspace workspace) {
    this.workspace = workspace;
    this.sweepCurves =
        new SweepCurvesViewModel(
            workspace, message, method, () -> untargeted() ? null : target.get());
    this.preparing = workspace.tasks().latestWins("input gradient");
    this.frames = workspace.tasks().latestWins("attack frame");
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
    shown.clear();
    workspace.adversarialProperty().set(null);
    workspace.adversarialFrameProperty().set(null);
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
        r -> {
          Image image = Images.of(r.input());
          workspace
              .tasks()
              .onUi(
                  () -> {
                    if (generation == preparing.generation()) {
                      prepared(r, image);
                    }
                  });
        },
        e -> workspace.tasks().onUi(() -> message.set(e.getMessage())));
  }

  private void prepared(AttackFrames.Prepared r, Image image) {
    prepared = r;
    shown.showClean(image, r.clean());
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
          AttackFrames.Frame f = AttackFrames.of(classifier, ready, m, eps, c);
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
    shown.showFrame(f, r.noise(), r.adversarial());
    workspace.adversarialProperty().set(f.adversarial());
    workspace.adversarialFrameProperty().set(f);
    workspace
        .adversarialSourceProperty()
        .set(
            String.format(
                "%s at eps %.3f%s on %s",
                f.method().toUpperCase(java.util.Locale.ROOT),
                f.epsilon(),
                untargeted() ? "" : " towards " + target.get(),
                workspace.imageNameProperty().get()));
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

  /** Opens an image file here (it becomes every tab's image). */
  public void openImage(Path file) {
    message.set("");
    workspace.openImage(file, message::set);
  }

  /** What the tab shows of the image: the clean image, the latest frame, their predictions. */
  public FrameViewModel shown() {
    return shown;
  }

  /** The accuracy-against-epsilon chart: its sweeps and curves. */
  public SweepCurvesViewModel sweepCurves() {
    return sweepCurves;
  }

  /** Whether the slider is being dragged (BIM and PGD wait until it rests). */
  public BooleanProperty draggingProperty() {
    return dragging;
  }

  /** Which image the tab attacks. */
  public StringProperty imageTextProperty() {
    return imageText;
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

  /** Epsilon on both scales. */
  public StringProperty epsilonTextProperty() {
    return epsilonText;
  }

  /** Notices. */
  public StringProperty messageProperty() {
    return message;
  }
}
