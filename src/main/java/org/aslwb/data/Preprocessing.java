package org.aslwb.data;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * How a photo becomes a model input, stored with every model so that it can be replayed exactly:
 * resize to {@code width x height}, keep {@code channels}, scale to [0,1], and then (inside the
 * model) standardise each channel with {@code mean} and {@code std}.
 *
 * <p>Attacks and explanations work on the [0,1] pixel scale; {@link #normalise} is applied by the
 * classifier itself, so epsilon always means the same thing whatever the model's normalisation.
 *
 * @param width input width in pixels
 * @param height input height in pixels
 * @param channels 3 (RGB) or 1 (grayscale)
 * @param mean per-channel mean subtracted after scaling
 * @param std per-channel standard deviation divided after subtracting the mean
 */
public record Preprocessing(int width, int height, int channels, float[] mean, float[] std) {
  /** Validates the shape and the normalisation. */
  public Preprocessing {
    if (width < 8 || height < 8 || width > 512 || height > 512) {
      throw new IllegalArgumentException("input size must be 8..512, got " + width + "x" + height);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
    }
    if (mean.length != channels || std.length != channels) {
      throw new IllegalArgumentException("mean and std need one value per channel");
    }
    for (float s : std) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("std must be positive");
      }
    }
  }

  /** Square RGB input of {@code size} with no standardisation (mean 0, std 1). */
  public static Preprocessing rgb(int size) {
    return new Preprocessing(size, size, 3, new float[3], new float[] {1, 1, 1});
  }

  /** The same geometry with the given per-channel statistics. */
  public Preprocessing withStatistics(float[] newMean, float[] newStd) {
    return new Preprocessing(width, height, channels, newMean.clone(), newStd.clone());
  }

  /** Resizes and scales a decoded image to a model input on the [0,1] scale. */
  public PixelImage toPixels(BufferedImage rgb) {
    return toPixels(PackedRgb.of(rgb));
  }

  /** Resizes and scales decoded pixels to a model input on the [0,1] scale. */
  public PixelImage toPixels(PackedRgb rgb) {
    return Resampler.resize(rgb.pixels(), rgb.width(), rgb.height(), width, height, channels);
  }

  /**
   * {@link #toPixels} quantised to 8-bit levels, as the tensor cache stores samples: the same bytes
   * as {@code Sample.quantise(toPixels(rgb))}, in a third of the time.
   */
  public byte[] toLevels(PackedRgb rgb) {
    return Resampler.resizeToLevels(
        rgb.pixels(), rgb.width(), rgb.height(), width, height, channels);
  }

  /** Standardises [0,1] pixels into {@code out} (same CHW layout), as the network sees them. */
  public void normalise(float[] pixels, float[] out, int offset) {
    int plane = width * height;
    for (int c = 0; c < channels; c++) {
      float m = mean[c];
      float inv = 1f / std[c];
      int base = c * plane;
      for (int i = 0; i < plane; i++) {
        out[offset + base + i] = (pixels[base + i] - m) * inv;
      }
    }
  }

  /**
   * How many units of the normalised scale one unit of the pixel scale is, per channel ({@code
   * 1/std}). An epsilon of 0.1 on pixels is {@code 0.1/std} on the scale the network sees.
   */
  public double[] normalisedPerPixelUnit() {
    double[] k = new double[channels];
    for (int c = 0; c < channels; c++) {
      k[c] = 1.0 / std[c];
    }
    return k;
  }

  /** Whether two preprocessings produce the same inputs. */
  public boolean sameAs(Preprocessing o) {
    return width == o.width
        && height == o.height
        && channels == o.channels
        && Arrays.equals(mean, o.mean)
        && Arrays.equals(std, o.std);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Preprocessing p && sameAs(p);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new int[] {width, height, channels})
        + 31 * Arrays.hashCode(mean)
        + 961 * Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return width
        + "x"
        + height
        + "x"
        + channels
        + " mean="
        + Arrays.toString(mean)
        + " std="
        + Arrays.toString(std);
  }
}
