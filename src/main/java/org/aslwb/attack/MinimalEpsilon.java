package org.aslwb.attack;

import java.util.ArrayList;
import java.util.List;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.PixelImage;
import org.aslwb.model.ClassMapping;
import org.aslwb.model.Classifier;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * The smallest epsilon at which untargeted FGSM changes each image's prediction, by bisection on
 * epsilon with the image's loss gradient computed once. FGSM's success need not grow with epsilon,
 * so after the bisection the answer is checked at 0.9 of itself; where the image flips there too,
 * the search goes on below it. The reported epsilon therefore flips the image and 0.9 of it does
 * not. Images not flipped at the budget are reported as never flipped (infinite), not given the
 * budget as their epsilon.
 */
public final class MinimalEpsilon {
  /** The bisection's tolerance: one grey level. */
  public static final double TOLERANCE = 1.0 / 255;

  private static final int BATCH = 128;
  private final Fgsm fgsm = new Fgsm(false);

  /** Finds the minimal flipping epsilon of each image in {@code indices}, up to {@code budget}. */
  public MinimalEpsilonResult run(
      String modelName,
      Classifier classifier,
      LoadedDataset data,
      int[] indices,
      double budget,
      ProgressListener progress,
      Cancellation cancellation) {
    if (!(budget > 0) || budget > 1) {
      throw new IllegalArgumentException("budget must be in (0, 1], got " + budget);
    }
    long started = System.nanoTime();
    ClassMapping mapping = ClassMapping.of(classifier.classNames(), data.classNames());
    List<ImageEpsilon> out = new ArrayList<>();
    for (int start = 0; start < indices.length; start += BATCH) {
      cancellation.check();
      int end = Math.min(indices.length, start + BATCH);
      List<PixelImage> images = new ArrayList<>();
      int[] truth = new int[end - start];
      for (int i = start; i < end; i++) {
        images.add(data.image(indices[i]));
        truth[i - start] = mapping.modelIndex(data.label(indices[i]));
      }
      // the bisection tries many epsilons on each gradient: only its signs matter
      float[][] signs = Fgsm.signs(classifier.lossGradients(images, truth));
      double[] eps = search(classifier, images, signs, truth, budget);
      int[] at = predictions(classifier, images, signs, eps);
      for (int i = 0; i < images.size(); i++) {
        int index = indices[start + i];
        out.add(
            new ImageEpsilon(
                index,
                data.samples().get(index).file().getFileName().toString(),
                data.classNames().get(data.label(index)),
                eps[i],
                classifier.classNames().get(at[i])));
      }
      progress.progress(end, indices.length, "minimal epsilon");
    }
    return new MinimalEpsilonResult(
        modelName, List.copyOf(out), budget, TOLERANCE, (System.nanoTime() - started) / 1e9);
  }

  /** Per image: 0 when misclassified clean, +Infinity when not flipped at the budget. */
  double[] search(
      Classifier classifier, List<PixelImage> images, float[][] signs, int[] truth, double budget) {
    int n = images.size();
    double[] result = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    boolean[] open = new boolean[n];
    int[] clean = predictions(classifier, images, signs, new double[n]);
    int[] atBudget = predictions(classifier, images, signs, filled(n, budget));
    for (int i = 0; i < n; i++) {
      if (clean[i] != truth[i]) {
        result[i] = 0;
      } else if (atBudget[i] == truth[i]) {
        result[i] = Double.POSITIVE_INFINITY;
      } else {
        hi[i] = budget;
        open[i] = true;
      }
    }
    // bisect every open image in lockstep: one forward pass of the whole batch per step
    while (any(open)) {
      while (anyWide(open, lo, hi)) {
        double[] mid = new double[n];
        for (int i = 0; i < n; i++) {
          mid[i] = (lo[i] + hi[i]) / 2;
        }
        int[] p = predictions(classifier, images, signs, mid);
        for (int i = 0; i < n; i++) {
          if (open[i] && hi[i] - lo[i] > tolerance(hi[i])) {
            if (p[i] != truth[i]) {
              hi[i] = mid[i];
            } else {
              lo[i] = mid[i];
            }
          }
        }
      }
      double[] check = new double[n];
      for (int i = 0; i < n; i++) {
        check[i] = 0.9 * hi[i];
      }
      int[] p = predictions(classifier, images, signs, check);
      for (int i = 0; i < n; i++) {
        if (!open[i]) {
          continue;
        }
        if (p[i] != truth[i]) {
          // flipped below the bracket: search again under 0.9 of it
          hi[i] = check[i];
          lo[i] = 0;
        } else {
          result[i] = hi[i];
          open[i] = false;
        }
      }
    }
    return result;
  }

  /** The bracket is narrow enough at one grey level, or 5% of its top for tiny epsilons. */
  private static double tolerance(double hi) {
    return Math.min(TOLERANCE, 0.05 * hi);
  }

  private static boolean anyWide(boolean[] open, double[] lo, double[] hi) {
    for (int i = 0; i < open.length; i++) {
      if (open[i] && hi[i] - lo[i] > tolerance(hi[i])) {
        return true;
      }
    }
    return false;
  }

  private static boolean any(boolean[] flags) {
    for (boolean f : flags) {
      if (f) {
        return true;
      }
    }
    return false;
  }

  private int[] predictions(
      Classifier classifier, List<PixelImage> images, float[][] signs, double[] eps) {
    List<PixelImage> adversarial = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      double e = Double.isFinite(eps[i]) ? eps[i] : 0;
      adversarial.add(e == 0 ? images.get(i) : fgsm.applyAlong(images.get(i), signs[i], e));
    }
    return RobustnessSweep.argmax(classifier.probabilities(adversarial));
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }
}
