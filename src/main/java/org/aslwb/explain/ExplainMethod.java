package org.aslwb.explain;

import java.util.Locale;
import org.aslwb.data.PixelImage;
import org.aslwb.model.Classifier;

/** The explanation methods: LIME on superpixels, and the three gradient maps. */
public enum ExplainMethod {
  /** LIME (Ribeiro et al. 2016) on quickshift superpixels. */
  LIME("lime", "LIME"),
  /** Grad-CAM on the last convolutional block (Selvaraju et al. 2017). */
  GRADCAM("gradcam", "Grad-CAM"),
  /** |input gradient| (Simonyan et al. 2014). */
  SALIENCY("saliency", "Saliency"),
  /** SmoothGrad (Smilkov et al. 2017). */
  SMOOTHGRAD("smoothgrad", "SmoothGrad");

  private final String id;
  private final String displayName;

  ExplainMethod(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  /** The CLI name. */
  public String id() {
    return id;
  }

  /** The name shown to users. */
  public String displayName() {
    return displayName;
  }

  /** Parses a CLI name ("lime", "gradcam", "saliency", "smoothgrad"). */
  public static ExplainMethod parse(String name) {
    for (ExplainMethod m : values()) {
      if (m.id.equals(name.toLowerCase(Locale.ROOT).replace("-", ""))) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown method '" + name + "' (use lime, gradcam, saliency or smoothgrad)");
  }

  /**
   * The gradient map of {@code label} for {@code image}; {@code seed} draws SmoothGrad's noise.
   *
   * @throws IllegalStateException for LIME, which is not a map (see {@link LimeExplainer})
   */
  public AttributionMap attribute(Classifier classifier, PixelImage image, int label, long seed) {
    return switch (this) {
      case GRADCAM -> new GradCam().explain(classifier, image, label);
      case SALIENCY -> new GradientSaliency().saliency(classifier, image, label);
      case SMOOTHGRAD ->
          new GradientSaliency()
              .smoothGrad(classifier, image, label, GradientSaliency.COPIES, seed);
      case LIME -> throw new IllegalStateException("LIME explains superpixels, not pixels");
    };
  }
}
