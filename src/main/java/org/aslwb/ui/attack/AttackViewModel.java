package org.aslwb.ui.attack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import javafx.scene.image.Image;
import org.aslwb.attack.Attack;
import org.aslwb.attack.Fgsm;
import org.aslwb.attack.RobustnessSweep;
import org.aslwb.attack.SweepResult;
import org.aslwb.attack.SweepSettings;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Resampler;
import org.aslwb.evaluation.Evaluator;
import org.aslwb.evaluation.Prediction;
import org.aslwb.export.CurveChart;
import org.aslwb.export.CurveCsv;
import org.aslwb.export.Png;
import org.aslwb.export.RobustPerClassCsv;
import org.aslwb.model.Classifier;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.aslwb.ui.Workspace;
import org.aslwb.ui.common.Images;
import org.aslwb.ui.common.TaskRunner;

/**
 * The Attack tab. FGSM frames are computed on the FX thread while the slider moves: the input
 * gradient is computed once per image in the background, and a frame is then one sign step and one
 * forward pass (a few milliseconds for the CNN). BIM and PGD need many gradients per frame and run
 * in the background on slider release.
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
  private final BooleanProperty wideRange = new SimpleBooleanProperty(false);
  private final StringProperty method = new SimpleStringProperty("fgsm");
  private final StringProperty target = new SimpleStringProperty(UNTARGETED);
  private final ObservableList<String> targets = FXCollections.observableArrayList(UNTARGETED);
  private final ObjectProperty<Image> clean = new SimpleObjectProperty<>();
  private final ObjectProperty<Image> noise = new SimpleObjectProperty<>();
  private final ObjectProperty<Image> adversarial = new SimpleObjectProperty<>();
  private final StringProperty cleanLabel = new SimpleStringProperty("");
  private final StringProperty adversarialLabel = new SimpleStringProperty("");
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
  private PixelImage input;
  private float[] gradient;
  private Prediction cleanPrediction;
  private long frameMillis;

  /** The clean prediction and the input gradient that every FGSM frame reuses. */
  private record Prepared(Prediction clean, float[] gradient) {}

  /** A view model over the shared workspace. */
  public AttackViewModel(Workspace workspace) {
    this.workspace = workspace;
    marker.setName("slider");
    curves.add(marker);
    workspace.photoProperty().addListener((o, a, b) -> prepare());
    workspace
        .modelProperty()
        .addListener(
            (o, a, m) -> {
              targets.setAll(UNTARGETED);
              if (m != null) {
                targets.addAll(m.metadata().classNames());
              }
              target.set(UNTARGETED);
              prepare();
            });
    epsilon.addListener((o, a, b) -> frame());
    method.addListener((o, a, b) -> prepare());
    target.addListener((o, a, b) -> prepare());
  }

  /** Computes the clean prediction and, for FGSM, the input gradient (in the background). */
  public void prepare() {
    TrainedModel model = workspace.modelProperty().get();
    PixelImage photo = workspace.photoProperty().get();
    if (model == null || photo == null) {
      return;
    }
    Classifier classifier = model.classifier();
    var pre = classifier.preprocessing();
    PixelImage x = Resampler.resize(photo, pre.width(), pre.height());
    int goal = goalLabel(classifier);
    workspace
        .tasks()
        .run(
            "input gradient",
            (p, c) -> {
              Prediction clean =
                  Prediction.of(classifier.probabilities(x), classifier.classNames(), 5);
              int label = goal >= 0 ? goal : clean.predicted();
              float[] g = classifier.lossGradients(List.of(x), new int[] {label})[0];
              return new Prepared(clean, g);
            },
            r -> {
              input = x;
              cleanPrediction = r.clean();
              gradient = r.gradient();
              clean.set(Images.of(x));
              cleanLabel.set(
                  String.format(
                      "clean: %s (%.3f)", cleanPrediction.label(), cleanPrediction.confidence()));
              cleanTop.setAll(cleanPrediction.top());
              frame();
            },
            e -> message.set(e.getMessage()));
  }

  /**
   * The label whose loss the attack follows: the target's when targeted; otherwise -1, meaning the
   * clean prediction (the image's true class is unknown for a loaded photo).
   */
  private int goalLabel(Classifier classifier) {
    return UNTARGETED.equals(target.get()) ? -1 : classifier.classNames().indexOf(target.get());
  }

  /** Renders the frame at the slider's epsilon (FGSM here; iterative attacks on release). */
  public void frame() {
    updateEpsilonText();
    updateMarker();
    if (input == null || gradient == null) {
      return;
    }
    if ("fgsm".equals(method.get())) {
      long t = System.nanoTime();
      PixelImage adv =
          new Fgsm(!UNTARGETED.equals(target.get())).apply(input, gradient, epsilon.get());
      show(adv, workspace.modelProperty().get().classifier());
      frameMillis = (System.nanoTime() - t) / 1_000_000;
    }
  }

  /** Runs BIM or PGD at the slider's epsilon in the background (called on slider release). */
  public void iterativeFrame() {
    if ("fgsm".equals(method.get()) || input == null || workspace.modelProperty().get() == null) {
      return;
    }
    Classifier classifier = workspace.modelProperty().get().classifier();
    int goal = goalLabel(classifier);
    int label = goal >= 0 ? goal : cleanPrediction.predicted();
    Attack attack = Attack.parse(method.get(), goal >= 0, 42);
    double eps = epsilon.get();
    PixelImage x = input;
    workspace
        .tasks()
        .run(
            method.get() + " at eps " + eps,
            (p, c) -> attack.perturb(classifier, List.of(x), new int[] {label}, eps).get(0),
            adv -> show(adv, classifier),
            e -> message.set(e.getMessage()));
  }

  private void show(PixelImage adv, Classifier classifier) {
    Prediction p = Prediction.of(classifier.probabilities(adv), classifier.classNames(), 5);
    noise.set(Images.noise(input, adv));
    adversarial.set(Images.of(adv));
    adversarialTop.setAll(p.top());
    flipped.set(p.predicted() != cleanPrediction.predicted());
    adversarialLabel.set(
        String.format(
            "adversarial: %s (%.3f)%s",
            p.label(), p.confidence(), flipped.get() ? "  FLIPPED" : ""));
    workspace.adversarialProperty().set(adv);
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
    String goalName = target.get();
    workspace
        .tasks()
        .run(
            methodName + " sweep of " + name,
            (p, c) -> {
              TrainedModel m = model.run(p, c);
              Classifier classifier = m.classifier();
              int goal =
                  UNTARGETED.equals(goalName) ? -1 : classifier.classNames().indexOf(goalName);
              Attack attack = Attack.parse(methodName, goal >= 0, 42);
              var pre = m.metadata().preprocessing();
              LoadedDataset data =
                  new DatasetLoader().atSize(shown, pre.width(), pre.height(), p, c);
              int[] indices = Evaluator.validationIndices(m.metadata(), data);
              return new RobustnessSweep()
                  .run(
                      name,
                      classifier,
                      attack,
                      data,
                      settings.firstImages(indices),
                      settings.epsilons(),
                      goal,
                      42,
                      p,
                      c);
            },
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

  /** Writes curve.csv and curve.png (all curves) and adversarial.png into {@code dir}. */
  public void export(Path dir) {
    PixelImage adv = workspace.adversarialProperty().get();
    List<SweepResult> copy = List.copyOf(results);
    workspace
        .tasks()
        .run(
            "exporting",
            (p, c) -> {
              Files.createDirectories(dir);
              CurveCsv.write(copy, dir.resolve("curve.csv"));
              RobustPerClassCsv.write(copy, dir.resolve("per_class.csv"));
              CurveChart.write(copy, dir.resolve("curve.png"));
              if (adv != null) {
                Png.write(Png.image(adv), dir.resolve("adversarial.png"));
              }
              return dir;
            },
            d -> message.set("Exported to " + d),
            e -> message.set("Export failed: " + e.getMessage()));
  }

  /** The sweeps so far, in the order run (the robustness views follow the latest). */
  public ObservableList<SweepResult> sweeps() {
    return results;
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
