package org.aslwb.attack;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.aslwb.data.PixelImage;
import org.aslwb.data.Preprocessing;
import org.aslwb.model.Classifier;

/** A classifier decorator that counts forward and backward passes per image, for cost reports. */
public final class CountingClassifier implements Classifier {
  private final Classifier inner;
  private final AtomicLong forward = new AtomicLong();
  private final AtomicLong backward = new AtomicLong();

  /** Wraps {@code inner}. */
  public CountingClassifier(Classifier inner) {
    this.inner = inner;
  }

  @Override
  public List<String> classNames() {
    return inner.classNames();
  }

  @Override
  public Preprocessing preprocessing() {
    return inner.preprocessing();
  }

  @Override
  public float[][] probabilities(List<PixelImage> images) {
    forward.addAndGet(images.size());
    return inner.probabilities(images);
  }

  @Override
  public float[][] lossGradients(List<PixelImage> images, int[] labels) {
    backward.addAndGet(images.size());
    return inner.lossGradients(images, labels);
  }

  /** Images passed forward so far. */
  public long forwardPasses() {
    return forward.get();
  }

  /** Images passed backward (input gradients) so far. */
  public long gradientPasses() {
    return backward.get();
  }
}
