package org.aslwb.ui.explain;

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
import org.aslwb.attack.AttackFrames;
import org.aslwb.data.PixelImage;
import org.aslwb.explain.EvidenceShift;
import org.aslwb.explain.EvidenceShiftAnalysis;
import org.aslwb.explain.Explanation;
import org.aslwb.explain.LabelExplanation;
import org.aslwb.explain.LimeSettings;
import org.aslwb.explain.OutputSpace;
import org.aslwb.explain.OverlayRenderer;
import org.aslwb.explain.Perturber;
import org.aslwb.explain.Quickshift;
import org.aslwb.explain.Segmentation;
import org.aslwb.explain.SideBySide;
import org.aslwb.explain.SuperpixelProbe;
import org.aslwb.export.ExplanationFiles;
import org.aslwb.export.WeightsJson;
import org.aslwb.model.Classifier;
import org.aslwb.task.Job;
import org.aslwb.task.LatestWins;
import org.aslwb.ui.Workspace;
import org.aslwb.ui.common.Images;

/** The Explain tab: LIME on the current image and on its adversarial version, side by side. */
public final class ExplainViewModel {
  private final Workspace workspace;
  private final LimeForm form = new LimeForm();
  private final StringProperty warning = new SimpleStringProperty("");
  private final ObjectProperty<EvidenceShift> shift = new SimpleObjectProperty<>();
  private WeightsJson.Adversarial adversarialForExport;
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
  private final StringProperty imageText = new SimpleStringProperty("");
  private final LatestWins<SuperpixelProbe> probes;
  private PixelImage cleanImage;
  private PixelImage adversarialImage;
  // the clean image's superpixels from the last preview, drawn on the adversarial image too
  private Segmentation segmentation;
  // the adversarial preview follows the Attack tab only while this tab is shown: a drag there
  // changes the adversarial image at every frame
  private final javafx.beans.binding.BooleanBinding shown;
  // hides one superpixel of the clean image at a time, for clicks; built with the explanation
  private Perturber perturber;

  /** A view model over the shared workspace. */
  public ExplainViewModel(Workspace workspace) {
    this.workspace = workspace;
    this.probes = workspace.tasks().latestWins("superpixel probe");
    this.shown = workspace.tabShown("Explain");
    // the last image's superpixels do not belong to the new one
    workspace.photoProperty().addListener((o, a, b) -> segmentation = null);
    workspace.photoProperty().addListener((o, a, b) -> preview());
    workspace.photoProperty().addListener((o, a, b) -> describeImage());
    workspace.adversarialSourceProperty().addListener((o, a, b) -> describeImage());
    workspace.adversarialProperty().addListener((o, a, b) -> showAdversarial());
    shown.addListener((o, a, b) -> showAdversarial());
    describeImage();
    showAdversarial();
    // an explanation belongs to the model that made it
    workspace
        .modelProperty()
        .addListener(
            (o, a, b) -> {
              probes.reset();
              clean.set(null);
              adversarial.set(null);
              shift.set(null);
              adversarialForExport = null;
              perturber = null;
              showAdversarial();
            });
    topK.addListener((o, a, b) -> render());
    mode.addListener((o, a, b) -> render());
    minWeight.addListener((o, a, b) -> render());
  }

  private void describeImage() {
    String name = workspace.imageNameProperty().get();
    String adv = workspace.adversarialSourceProperty().get();
    imageText.set(
        workspace.photoProperty().get() == null
            ? "No image yet: pick one from the gallery, open a file or drop one here."
            : "Image: "
                + name
                + (adv.isEmpty()
                    ? "; no adversarial version yet (Attack tab)"
                    : "; adversarial version: " + adv));
  }

  /** The settings from the form, or null (with a message) when invalid. */
  public LimeSettings settings() {
    try {
      return form.settings();
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
              segmentation = seg;
              showAdversarial();
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
      space = OutputSpace.parseOrAuto(form.outputSpaceProperty().get());
    } catch (IllegalArgumentException e) {
      message.set(e.getMessage());
      return;
    }
    Classifier classifier = model.classifier();
    PixelImage adv = workspace.adversarialProperty().get();
    String madeBy = workspace.adversarialSourceProperty().get();
    AttackFrames.Frame frame = workspace.adversarialFrameProperty().get();
    workspace
        .tasks()
        .run(
            "LIME",
            (p, c) -> SideBySide.explain(classifier, photo, adv, s, space, p, c),
            r -> {
              message.set("");
              cleanImage = photo;
              adversarialImage = adv;
              perturber = r.cleanHider();
              clean.set(r.clean());
              shift.set(r.shift());
              adversarialForExport =
                  r.shift() == null || frame == null
                      ? null
                      : new WeightsJson.Adversarial(frame.method(), frame.epsilon(), r.shift());
              adversarial.set(r.shift() == null ? null : adversarialExplanation(r.shift()));
              cleanSummary.set(summary("clean", r.clean()));
              warning.set(r.clean().top().informativeness().warning());
              if (r.shift() != null) {
                adversarialSummary.set(
                    "adversarial: "
                        + r.shift().describe()
                        + (madeBy.isEmpty() ? "" : "; the image: " + madeBy));
              }
              render();
              showAdversarial(); // one made while LIME ran is previewed
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

  /**
   * Shows the Attack tab's adversarial image with the clean superpixels on it as soon as both
   * exist, before LIME runs; an explanation of an adversarial image, once drawn, stays (its summary
   * names the attack and epsilon that made it).
   */
  private void showAdversarial() {
    if (adversarial.get() != null || !shown.get()) {
      return;
    }
    PixelImage adv = workspace.adversarialProperty().get();
    Segmentation seg = segmentation;
    if (adv == null || seg == null) {
      adversarialOverlay.set(null);
      adversarialSummary.set("No adversarial image yet: drag the slider in the Attack tab.");
      return;
    }
    Segmentation mapped = EvidenceShiftAnalysis.map(seg, adv.width(), adv.height());
    adversarialOverlay.set(
        Images.of(OverlayRenderer.boundaries(adv, mapped), mapped.width(), mapped.height()));
    adversarialSummary.set("not explained yet: Explain runs LIME on it beside the clean image");
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

  /**
   * Inspects the superpixel under image pixel (x, y) of the clean explanation, off the FX thread;
   * of quick clicks only the latest is answered.
   */
  public void select(int x, int y) {
    Explanation e = clean.get();
    Perturber hider = perturber;
    var model = workspace.modelProperty().get();
    if (e == null || model == null || hider == null) {
      return;
    }
    EvidenceShift s = shift.get();
    probe((p, c) -> SuperpixelProbe.at(model.classifier(), e, hider, s, x, y));
  }

  /** Inspects the superpixel under pixel (x, y) of the adversarial overlay (the mapped grid). */
  public void selectOnAdversarial(int x, int y) {
    EvidenceShift s = shift.get();
    Perturber hider = perturber;
    var model = workspace.modelProperty().get();
    if (s == null || model == null || hider == null) {
      return;
    }
    probe((p, c) -> SuperpixelProbe.onAdversarial(model.classifier(), s, hider, x, y));
  }

  // off the FX thread; of quick clicks only the latest is answered
  private void probe(Job.Work<SuperpixelProbe> job) {
    long generation = probes.generation();
    probes.submit(
        job,
        probe ->
            workspace
                .tasks()
                .onUi(
                    () -> {
                      if (probe != null && generation == probes.generation()) {
                        selection.set(probe.describe());
                      }
                    }),
        ex -> workspace.tasks().onUi(() -> message.set(ex.getMessage())));
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
    // the adversarial section as `aslwb explain --adversarial-eps` writes it
    String weights = WeightsJson.of(imageName, e, null, null, adversarialForExport);
    workspace
        .tasks()
        .run(
            "exporting",
            (p, c) -> {
              ExplanationFiles.write(dir, image, e, shown, weights);
              return dir;
            },
            d -> message.set("Exported to " + d),
            ex -> message.set("Export failed: " + ex.getMessage()));
  }

  /** Opens an image file here (it becomes every tab's image). */
  public void openImage(Path file) {
    message.set("");
    workspace.openImage(file, message::set);
  }

  /** Which image the tab explains, and what made its adversarial version. */
  public StringProperty imageTextProperty() {
    return imageText;
  }

  /** Says when the weights are tiny next to the explained output; empty otherwise. */
  public StringProperty warningProperty() {
    return warning;
  }

  /** The clean-versus-adversarial evidence shift, or null. */
  public ObjectProperty<EvidenceShift> shiftProperty() {
    return shift;
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

  /** The LIME parameters as typed. */
  public LimeForm form() {
    return form;
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
