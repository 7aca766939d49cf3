package org.aslwb.ui.common;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.aslwb.data.PixelImage;

/** Conversions from workbench pixels to JavaFX images. */
public final class Images {
  private Images() {}

  /** A JavaFX image of ARGB pixels. */
  public static Image of(int[] argb, int width, int height) {
    WritableImage image = new WritableImage(width, height);
    image
        .getPixelWriter()
        .setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
    return image;
  }

  /** A JavaFX image of a [0,1] image. */
  public static Image of(PixelImage image) {
    return of(image.toArgb(), image.width(), image.height());
  }

  /** The FGSM noise made visible: its sign pattern, mid-grey for zero, amplified to full range. */
  public static Image noise(PixelImage clean, PixelImage adversarial) {
    float[] a = clean.data();
    float[] b = adversarial.data();
    float[] d = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = 0.5f + 0.5f * Math.signum(b[i] - a[i]);
    }
    return of(new PixelImage(clean.width(), clean.height(), clean.channels(), d));
  }
}
