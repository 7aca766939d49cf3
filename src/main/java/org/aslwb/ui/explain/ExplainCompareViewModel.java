package org.aslwb.ui.explain;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Resampler;
import org.aslwb.explain.Agreement;
import org.aslwb.explain.AttributionMap;
import org.aslwb.explain.ExplainMethod;
import org.aslwb.explain.Explanation;
import org.aslwb.explain.LabelExplanation;
import org.aslwb.explain.OverlayRenderer;
import org.aslwb.explain.Stability;
import org.aslwb.explain.StabilityAnalysis;
import org.aslwb.model.Classifier;
import org.aslwb.ui.Workspace;
import org.aslwb.ui.common.Images;

/**
 * The Explain tab's second opinions on the current image: a gradient map (Grad-CAM, saliency,
 * SmoothGrad) in the same overlay, its rank agreement with the LIME explanation, and LIME's
 * stability over K seeds.
 */
public final class ExplainCompareViewModel {
  /** One superpixel of the stability table. */
  public record SuperpixelRow(int superpixel, double mean, double spread) {}

  /** A gradient map, its agreement with LIME (or null) and its overlay, made off the UI thread. */
  private record Shown(AttributionMap map, Agreement agreement, Image image) {}

  private final Workspace workspace;
  private final StringProperty method = new SimpleStringProperty(ExplainMethod.GRADCAM.id());
  private final StringProperty seeds = new SimpleStringProperty("5");
  private final ObjectProperty<Image> overlay = new SimpleObjectProperty<>();
  private final StringProperty summary =
      new SimpleStringProperty("Run LIME, then compare it with a gradient map or other seeds.");
  private final ObservableList<SuperpixelRow> stability = FXCollections.observableArrayList();
  private ObservableValue<Explanation> lime = new SimpleObjectProperty<>();

  /** A view model over the shared workspace. */
  public ExplainCompareViewModel(Workspace workspace) {
    this.workspace = workspace;
  }

  /** Compares with the Explain tab's clean LIME explanation. */
  public void follow(ObservableValue<Explanation> explanation) {
    this.lime = explanation;
  }

  /** Draws the chosen gradient map of the LIME explanation's class (or the predicted one). */
  public void showMap() {
    var model = workspace.modelProperty().get();
    PixelImage photo = workspace.photoProperty().get();
    if (model == null || photo == null) {
      summary.set("Needs a model and an image.");
      return;
    }
    ExplainMethod how = ExplainMethod.parse(method.get());
    Explanation e = lime.getValue();
    Classifier classifier = model.classifier();
    workspace
        .tasks()
        .run(
            how.displayName(),
            (p, c) -> {
              var pre = classifier.preprocessing();
              int label =
                  e != null
                      ? e.top().label()
                      : Classifier.argmax(
                          classifier.probabilities(
                              Resampler.resize(photo, pre.width(), pre.height())));
              AttributionMap map = how.attribute(classifier, photo, label, 42);
              Agreement agreement = e != null ? Agreement.of(e, map) : null;
              return new Shown(
                  map,
                  agreement,
                  Images.of(OverlayRenderer.heat(photo, map), photo.width(), photo.height()));
            },
            r -> show(r.map(), r.agreement(), r.image()),
            ex -> summary.set(ex.getMessage()));
  }

  private void show(AttributionMap map, Agreement agreement, Image image) {
    overlay.set(image);
    summary.set(
        String.format(
                "%s of %s (%s), %.3f s",
                ExplainMethod.parse(map.method()).displayName(),
                map.className(),
                map.detail(),
                map.seconds())
            + (agreement == null
                ? "; run LIME to compare the two"
                : String.format(
                    "; rank correlation with LIME over the superpixels: %.2f (LIME took %.2f s)",
                    agreement.spearman(), agreement.limeSeconds())));
  }

  /** Runs LIME with K seeds on the LIME explanation's superpixels, settings and output space. */
  public void runStability() {
    var model = workspace.modelProperty().get();
    PixelImage photo = workspace.photoProperty().get();
    Explanation e = lime.getValue();
    if (model == null || photo == null || e == null) {
      summary.set("Run LIME first: the seeds reuse its settings and output space.");
      return;
    }
    int k;
    try {
      k = Integer.parseInt(seeds.get().trim());
      if (k < 2 || k > 50) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException ex) {
      summary.set("Seeds: a whole number from 2 to 50");
      return;
    }
    Classifier classifier = model.classifier();
    workspace
        .tasks()
        .run(
            "LIME with " + k + " seeds",
            (p, c) ->
                new StabilityAnalysis()
                    .run(classifier, photo, e.settings(), e.outputSpace(), k, 5, p, c),
            s -> showStability(s, photo),
            ex -> summary.set(ex.getMessage()));
  }

  private void showStability(Stability s, PixelImage photo) {
    var seg = s.first().segmentation();
    boolean[] shown = new boolean[s.mean().length];
    int[] order = LabelExplanation.byMagnitude(s.mean());
    for (int i = 0; i < Math.min(5, order.length); i++) {
      shown[order[i]] = true;
    }
    overlay.set(
        Images.of(OverlayRenderer.weights(photo, seg, s.mean(), shown), seg.width(), seg.height()));
    java.util.List<SuperpixelRow> rows = new java.util.ArrayList<>();
    for (int id : order) {
      rows.add(new SuperpixelRow(id, s.mean()[id], s.spread()[id]));
    }
    stability.setAll(rows);
    summary.set(
        String.format(
            "%d seeds (%d..%d), %s: top-%d overlap between seeds %.2f (1: every seed names the"
                + " same top superpixels); the overlay shows the mean weights",
            s.seeds().length,
            s.seeds()[0],
            s.seeds()[s.seeds().length - 1],
            s.first().outputSpace().displayName(),
            s.topK(),
            s.topKOverlap()));
  }

  /** gradcam, saliency or smoothgrad. */
  public StringProperty methodProperty() {
    return method;
  }

  /** Seeds of the stability run. */
  public StringProperty seedsProperty() {
    return seeds;
  }

  /** The map or mean-weight overlay. */
  public ObjectProperty<Image> overlayProperty() {
    return overlay;
  }

  /** What the overlay shows. */
  public StringProperty summaryProperty() {
    return summary;
  }

  /** Superpixels by |mean weight| with their spread over the seeds. */
  public ObservableList<SuperpixelRow> stability() {
    return stability;
  }
}
