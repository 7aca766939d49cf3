package org.aslwb.explain;

import java.util.Random;
import java.util.stream.IntStream;
import org.aslwb.data.PixelImage;

/**
 * Quickshift superpixels (Vedaldi &amp; Soatto 2008), step for step as scikit-image's {@code
 * segmentation.quickshift} with {@code sigma=0}: CIELAB colour scaled by {@code ratio}, a Parzen
 * density over a window of half-width {@code ceil(3 kernel_size)}, seeded noise of sd 1e-5 to break
 * ties, each pixel linked to the nearest pixel of higher density in its window (unless farther than
 * {@code max_dist}), and roots labelled in raster order. Rows run in parallel.
 */
public final class Quickshift {
  private Quickshift() {}

  /** Segments an RGB (or grayscale) [0,1] image. */
  public static Segmentation segment(PixelImage image, QuickshiftSettings settings) {
    int w = image.width();
    int h = image.height();
    int n = w * h;
    float[][] features = features(image, settings);
    int channels = features.length;
    double k = settings.kernelSize();
    double inv = -0.5 / (k * k);
    int half = (int) Math.ceil(3 * k);

    double[] density = new double[n];
    IntStream.range(0, h)
        .parallel()
        .forEach(
            r -> {
              for (int c = 0; c < w; c++) {
                int p = r * w + c;
                double sum = 0;
                for (int rr = Math.max(0, r - half); rr < Math.min(h, r + half + 1); rr++) {
                  for (int cc = Math.max(0, c - half); cc < Math.min(w, c + half + 1); cc++) {
                    int q = rr * w + cc;
                    double d = (double) (r - rr) * (r - rr) + (double) (c - cc) * (c - cc);
                    for (int ch = 0; ch < channels; ch++) {
                      double diff = features[ch][p] - features[ch][q];
                      d += diff * diff;
                    }
                    sum += Math.exp(d * inv);
                  }
                }
                density[p] = sum;
              }
            });
    Random random = new Random(settings.seed());
    for (int p = 0; p < n; p++) {
      density[p] += random.nextGaussian() * 1e-5;
    }

    int[] parent = new int[n];
    double maxDistSq = settings.maxDist() * settings.maxDist();
    IntStream.range(0, h)
        .parallel()
        .forEach(
            r -> {
              for (int c = 0; c < w; c++) {
                int p = r * w + c;
                double closest = Double.POSITIVE_INFINITY;
                int link = p;
                for (int rr = Math.max(0, r - half); rr < Math.min(h, r + half + 1); rr++) {
                  for (int cc = Math.max(0, c - half); cc < Math.min(w, c + half + 1); cc++) {
                    int q = rr * w + cc;
                    if (density[q] > density[p]) {
                      double d = (double) (r - rr) * (r - rr) + (double) (c - cc) * (c - cc);
                      for (int ch = 0; ch < channels; ch++) {
                        double diff = features[ch][p] - features[ch][q];
                        d += diff * diff;
                      }
                      if (d < closest) {
                        closest = d;
                        link = q;
                      }
                    }
                  }
                }
                parent[p] = closest > maxDistSq ? p : link;
              }
            });
    return label(parent, w, h);
  }

  /** Follows links to roots and numbers the roots in raster order. */
  private static Segmentation label(int[] parent, int w, int h) {
    int n = parent.length;
    int[] root = new int[n];
    for (int p = 0; p < n; p++) {
      int q = p;
      while (parent[q] != q) {
        q = parent[q];
      }
      root[p] = q;
    }
    int[] labelOfRoot = new int[n];
    java.util.Arrays.fill(labelOfRoot, -1);
    int count = 0;
    for (int p = 0; p < n; p++) {
      if (root[p] == p) {
        labelOfRoot[p] = count++;
      }
    }
    int[] labels = new int[n];
    for (int p = 0; p < n; p++) {
      labels[p] = labelOfRoot[root[p]];
    }
    return new Segmentation(w, h, labels, count);
  }

  /** Colour features per pixel: CIELAB (or raw values) times {@code ratio}. */
  static float[][] features(PixelImage image, QuickshiftSettings settings) {
    int n = image.planeSize();
    float ratio = (float) settings.ratio();
    if (image.channels() == 3 && settings.convertToLab()) {
      float[][] lab = CieLab.fromRgb(image);
      for (float[] channel : lab) {
        for (int i = 0; i < n; i++) {
          channel[i] *= ratio;
        }
      }
      return lab;
    }
    float[][] out = new float[image.channels()][n];
    for (int c = 0; c < image.channels(); c++) {
      for (int i = 0; i < n; i++) {
        out[c][i] = image.data()[c * n + i] * ratio;
      }
    }
    return out;
  }
}
