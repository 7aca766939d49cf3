package org.aslwb.ui.explain;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.image.Image;
import org.aslwb.data.PixelImage;
import org.aslwb.explain.EvidenceShift;
import org.aslwb.explain.EvidenceShiftAnalysis;
import org.aslwb.explain.Explanation;
import org.aslwb.explain.LabelExplanation;
import org.aslwb.explain.LimeExplainer;
import org.aslwb.explain.LimeSettings;
import org.aslwb.explain.OutputSpace;
import org.aslwb.explain.OverlayRenderer;
import org.aslwb.explain.Perturber;
import org.aslwb.explain.Quickshift;
import org.aslwb.explain.QuickshiftSettings;
import org.aslwb.export.Png;
import org.aslwb.export.WeightsJson;
import org.aslwb.model.Classifier;
import org.aslwb.ui.Workspace;
import org.aslwb.ui.common.Images;

/** The Explain tab: LIME on the current image and on its adversarial version, side by side. */
public final class ExplainViewModel {
  private final Workspace workspace;
  private final StringProperty samples = new SimpleStringProperty("1000");
  private final StringProperty kernelWidth = new SimpleStringProperty("0.25");
  private final StringProperty kernelSize = new SimpleStringProperty("4");
  private final StringProperty maxDist = new SimpleStringProperty("200");
  private final StringProperty ratio = new SimpleStringProperty("0.2");
  private final StringProperty seed = new SimpleStringProperty("42");
  private final StringProperty hideColour = new SimpleStringProperty("mean");
  private final StringProperty outputSpace = new SimpleStringProperty("auto");
  private final StringProperty warning = new SimpleStringProperty("");
  private final ObjectProperty<EvidenceShift> shift = new SimpleObjectProperty<>();
  private final IntegerProperty topK = new SimpleIntegerProperty(5);
  private final StringProperty mode = new SimpleStringProperty("both");
  private final DoubleProperty minWeight = new SimpleDoubleProperty(0);
  private final ObjectProperty<Image> cleanOverlay = new SimpleObjectProperty<>();
  private final ObjectProperty<Image> adversarialOverlay = new SimpleObjectProperty<>();
  private final StringProperty segmentInfo = new SimpleStringProperty("");
  private final StringProperty cleanSummary = new SimpleStringProperty("");
  private final StringProperty adversarialSummary = new SimpleStringProperty("");
  private final StringProperty selection =
      new SimpleStringProperty("Click a superpixel to inspect it.");
  private final StringProperty message = new SimpleStringProperty("");
  private final ObjectProperty<Explanation> clean = new SimpleObjectProperty<>();
  private final ObjectProperty<Explanation> adversarial = new SimpleObjectProperty<>();
  private PixelImage cleanImage;
  private PixelImage adversarialImage;
  // hides one superpixel of the clean image at a time, for clicks; built with the explanation
  private Perturber perturber;

  /**
   * What one LIME run produced: the clean explanation, the adversarial one on the same superpixels
   * (null without an adversarial image) and the clean image's superpixel hider.
   */
  private record Explained(Explanation clean, EvidenceShift shift, Perturber perturber) {}

  /** A view model over the shared workspace. */
  public ExplainViewModel(Workspace workspace) {
    this.workspace = workspace;
    workspace.photoProperty().addListener((o, a, b) -> preview());
    // an explanation belongs to the model that made it
    workspace
        .modelProperty()
        .addListener(
            (o, a, b) -> {
              clean.set(null);
              adversarial.set(null);
              shift.set(null);
              perturber = null;
            });
    topK.addListener((o, a, b) -> render());
    mode.addListener((o, a, b) -> render());
    minWeight.addListener((o, a, b) -> render());
  }

  /** The settings from the form, or null (with a message) when invalid. */
  public LimeSettings settings() {
    try {
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
    } catch (IllegalArgumentException e) {
      message.set("Parameters: " + e.getMessage());
      return null;
    }
  }

  /** Segments the current image with the form's parameters and shows the superpixel count. */
  public void preview() {
    PixelImage photo = workspace.photoProperty().get();
    LimeSettings s = settings();
    if (photo == null || s == null) {
      return;
    }
    workspace
        .tasks()
        .run(
            "segmenting",
            (p, c) -> Quickshift.segment(photo, s.segmentation()),
            seg -> {
              cleanImage = photo;
              clean.set(null);
              cleanOverlay.set(
                  Images.of(OverlayRenderer.boundaries(photo, seg), seg.width(), seg.height()));
              segmentInfo.set(
                  seg.count() + " superpixels (" + seg.width() + "x" + seg.height() + ")");
            },
            e -> message.set(e.getMessage()));
  }

  /** Runs LIME on the clean image and, when the Attack tab made one, on the adversarial image. */
  public void explain() {
    var model = workspace.modelProperty().get();
    PixelImage photo = workspace.photoProperty().get();
    LimeSettings s = settings();
    if (s == null) {
      return; // settings() said what is wrong
    }
    if (model == null || photo == null) {
      message.set("Needs a model and an image.");
      return;
    }
    OutputSpace space;
    try {
      space = OutputSpace.parseOrAuto(outputSpace.get());
    } catch (IllegalArgumentException e) {
      message.set(e.getMessage());
      return;
    }
    Classifier classifier = model.classifier();
    PixelImage adv = workspace.adversarialProperty().get();
    workspace
        .tasks()
        .run(
            "LIME",
            (p, c) -> {
              Explanation onClean = new LimeExplainer().explain(classifier, photo, s, space, p, c);
              EvidenceShift onAdversarial =
                  adv == null
                      ? null
                      : new EvidenceShiftAnalysis().run(classifier, onClean, adv, p, c);
              var pre = classifier.preprocessing();
              Perturber hider =
                  new Perturber(
                      photo, onClean.segmentation(), s.hideColour(), pre.width(), pre.height());
              return new Explained(onClean, onAdversarial, hider);
            },
            r -> {
              message.set("");
              cleanImage = photo;
              adversarialImage = adv;
              perturber = r.perturber();
              clean.set(r.clean());
              shift.set(r.shift());
              adversarial.set(r.shift() == null ? null : adversarialExplanation(r.shift()));
              cleanSummary.set(summary("clean", r.clean()));
              warning.set(r.clean().top().informativeness().warning());
              adversarialSummary.set(
                  r.shift() == null
                      ? "No adversarial image yet: drag the slider in the Attack tab."
                      : shiftSummary(r.shift()));
              render();
            },
            e -> message.set(e.getMessage()));
  }

  /** The clean class's evidence on the adversarial image, as an explanation to draw. */
  private static Explanation adversarialExplanation(EvidenceShift s) {
    Explanation c = s.clean();
    return new Explanation(
        s.mapped(),
        java.util.List.of(s.adversarialWeights(), s.adversarialTop()),
        c.settings(),
        c.outputSpace(),
        c.outputSpaceChosen(),
        c.seconds());
  }

  private static String shiftSummary(EvidenceShift s) {
    int j = s.largestShift();
    return String.format(
        "adversarial: the model says %s (p=%.3f); evidence for %s on the same superpixels, R^2"
            + " %.3f; evidence-shift score %.2f (0: unchanged, 1: every weight flipped); largest"
            + " shift at superpixel %d: %+.3g -> %+.3g",
        s.adversarialTop().className(),
        s.adversarialTop().probability(),
        s.cleanWeights().className(),
        s.adversarialWeights().score(),
        s.score(),
        j,
        s.cleanWeights().weights()[j],
        s.adversarialWeights().weights()[j]);
  }

  private static String summary(String what, Explanation e) {
    LabelExplanation t = e.top();
    return String.format(
        "%s: %s (p=%.6f), explaining the %s%s; %d superpixels, R^2 %.3f, local prediction %.3f,"
            + " intercept %.3f, seed %d, %.2f s",
        what,
        t.className(),
        t.probability(),
        e.outputSpace().displayName(),
        e.outputSpaceChosen() ? " (chosen automatically)" : "",
        e.segmentation().count(),
        t.score(),
        t.localPrediction(),
        t.intercept(),
        e.settings().seed(),
        e.seconds());
  }

  private void render() {
    cleanOverlay.set(overlay(clean.get(), cleanImage, cleanOverlay.get()));
    adversarialOverlay.set(overlay(adversarial.get(), adversarialImage, adversarialOverlay.get()));
  }

  private Image overlay(Explanation e, PixelImage image, Image fallback) {
    if (e == null || image == null) {
      return fallback;
    }
    boolean[] shown = shownMask(e);
    var seg = e.segmentation();
    return Images.of(
        OverlayRenderer.weights(image, seg, e.top().weights(), shown), seg.width(), seg.height());
  }

  /** The superpixels the overlay shows: the top K by the sign mode, above the weight floor. */
  private boolean[] shownMask(Explanation e) {
    return OverlayRenderer.topMask(
        e.top(),
        topK.get(),
        !"negative".equals(mode.get()),
        !"positive".equals(mode.get()),
        minWeight.get());
  }

  /** Inspects the superpixel under image pixel (x, y) of the clean explanation. */
  public void select(int x, int y) {
    Explanation e = clean.get();
    var model = workspace.modelProperty().get();
    if (e == null
        || model == null
        || x < 0
        || y < 0
        || x >= e.segmentation().width()
        || y >= e.segmentation().height()) {
      return;
    }
    selectSuperpixel(e.segmentation().at(x, y));
  }

  /** Inspects the superpixel under pixel (x, y) of the adversarial overlay (the mapped grid). */
  public void selectOnAdversarial(int x, int y) {
    EvidenceShift s = shift.get();
    if (s != null && x >= 0 && y >= 0 && x < s.mapped().width() && y < s.mapped().height()) {
      selectSuperpixel(s.mapped().at(x, y));
    }
  }

  private void selectSuperpixel(int id) {
    Explanation e = clean.get();
    var model = workspace.modelProperty().get();
    if (e == null || model == null) {
      return;
    }
    LabelExplanation top = e.top();
    Classifier classifier = model.classifier();
    float[] p = classifier.probabilities(perturber.inputWithout(id));
    int best = Classifier.argmax(p);
    EvidenceShift s = shift.get();
    String onAdversarial =
        s == null
            ? ""
            : String.format(
                "; on the adversarial image %+.3g (shift %+.3g)",
                s.adversarialWeights().weights()[id], s.shift()[id]);
    selection.set(
        String.format(
            "superpixel %d: weight %+.3g (%s) for %s, rank %d of %d%s; hidden, the model says %s"
                + " (%.3f) and %s goes from %.3f to %.3f%s",
            id,
            top.weights()[id],
            e.outputSpace().displayName(),
            top.className(),
            top.rankOf(id),
            top.weights().length,
            onAdversarial,
            classifier.classNames().get(best),
            p[best],
            top.className(),
            top.probability(),
            p[top.label()],
            e.outputSpace() == OutputSpace.PROBABILITY
                ? ""
                : String.format(
                    " (its %s from %.3f to %.3f)",
                    e.outputSpace().displayName(),
                    e.outputSpace()
                        .of(
                            classifier.probabilities(perturber.input(allVisible(top))),
                            top.label()),
                    e.outputSpace().of(p, top.label()))));
  }

  private static boolean[] allVisible(LabelExplanation e) {
    boolean[] on = new boolean[e.weights().length];
    java.util.Arrays.fill(on, true);
    return on;
  }

  /**
   * Writes segments.png, overlay.png (the superpixels shown now) and weights.json for the clean
   * explanation into {@code dir}.
   */
  public void export(Path dir) {
    Explanation e = clean.get();
    PixelImage image = cleanImage;
    if (e == null || image == null) {
      message.set("Nothing to export yet: run LIME first.");
      return;
    }
    String imageName = workspace.imageNameProperty().get();
    boolean[] shown = shownMask(e);
    workspace
        .tasks()
        .run(
            "exporting",
            (p, c) -> {
              Files.createDirectories(dir);
              var seg = e.segmentation();
              Png.write(
                  Png.image(OverlayRenderer.boundaries(image, seg), seg.width(), seg.height()),
                  dir.resolve("segments.png"));
              Png.write(
                  Png.image(
                      OverlayRenderer.weights(image, seg, e.top().weights(), shown),
                      seg.width(),
                      seg.height()),
                  dir.resolve("overlay.png"));
              WeightsJson.write(imageName, e, dir.resolve("weights.json"));
              return dir;
            },
            d -> message.set("Exported to " + d),
            ex -> message.set("Export failed: " + ex.getMessage()));
  }

  /** Samples. */
  public StringProperty samplesProperty() {
    return samples;
  }

  /** auto, probability, log-probability or margin. */
  public StringProperty outputSpaceProperty() {
    return outputSpace;
  }

  /** Says when the weights are tiny next to the explained output; empty otherwise. */
  public StringProperty warningProperty() {
    return warning;
  }

  /** The clean-versus-adversarial evidence shift, or null. */
  public ObjectProperty<EvidenceShift> shiftProperty() {
    return shift;
  }

  /** Kernel width. */
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

  /** Seed. */
  public StringProperty seedProperty() {
    return seed;
  }

  /** mean, black or grey. */
  public StringProperty hideColourProperty() {
    return hideColour;
  }

  /** Superpixels shown. */
  public IntegerProperty topKProperty() {
    return topK;
  }

  /** positive, negative or both. */
  public StringProperty modeProperty() {
    return mode;
  }

  /** Smallest |weight| shown. */
  public DoubleProperty minWeightProperty() {
    return minWeight;
  }

  /** Clean overlay. */
  public ObjectProperty<Image> cleanOverlayProperty() {
    return cleanOverlay;
  }

  /** Adversarial overlay. */
  public ObjectProperty<Image> adversarialOverlayProperty() {
    return adversarialOverlay;
  }

  /** Superpixel count. */
  public StringProperty segmentInfoProperty() {
    return segmentInfo;
  }

  /** Clean explanation summary. */
  public StringProperty cleanSummaryProperty() {
    return cleanSummary;
  }

  /** Adversarial explanation summary. */
  public StringProperty adversarialSummaryProperty() {
    return adversarialSummary;
  }

  /** Selected superpixel. */
  public StringProperty selectionProperty() {
    return selection;
  }

  /** Notices. */
  public StringProperty messageProperty() {
    return message;
  }

  /** The clean explanation. */
  public ObjectProperty<Explanation> cleanProperty() {
    return clean;
  }
}
