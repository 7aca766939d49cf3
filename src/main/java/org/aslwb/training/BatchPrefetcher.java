package org.aslwb.training;

import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.aslwb.data.Augmenter;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Assembles one epoch's batches (copying, augmenting, normalising) on a background thread while the
 * network trains on the previous one, so that the data work overlaps the compute.
 *
 * <p>The batches come out in order and the augmentations draw from the epoch's {@link Random} in
 * the same order as assembling them one by one would, so a run is the same with or without the
 * prefetch. At most {@link #DEPTH} batches wait ahead: the data work is a few percent of a training
 * step, so one batch ahead already hides it, and more would only hold memory.
 */
final class BatchPrefetcher implements AutoCloseable {
  static final int DEPTH = 2;

  private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(DEPTH);
  private final Thread worker;
  private int taken;
  private final int batches;

  /**
   * Starts assembling {@code batches} batches of {@code batchSize} from {@code order}.
   *
   * @param augmenter null for no augmentation
   * @param random the epoch's source for the augmentations; only the worker draws from it
   * @param pause run before each batch: the training job's wait for interactive work, so that
   *     augmenting ahead does not take the cores from a slider's frames
   */
  BatchPrefetcher(
      BatchAssembler assembler,
      int[] order,
      int batchSize,
      int batches,
      Augmenter augmenter,
      Random random,
      Runnable pause) {
    this.batches = batches;
    this.worker =
        new Thread(
            () -> {
              try {
                for (int b = 0; b < batches; b++) {
                  pause.run();
                  if (Thread.currentThread().isInterrupted()) {
                    return; // closed while pausing: no batch is wanted any more
                  }
                  int from = b * batchSize;
                  int to = Math.min(order.length, from + batchSize);
                  ready.put(assembler.batch(order, from, to, augmenter, random));
                }
              } catch (InterruptedException e) {
                // closed before the epoch's end (cancel, divergence): nothing left to hand over
              } catch (RuntimeException | Error e) {
                handOver(new Failure(e));
              }
            },
            "batch-prefetch");
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * The next batch, waiting for it if the worker is behind.
   *
   * @throws IllegalStateException after the last batch
   * @throws RuntimeException what assembling the batch threw
   */
  DataSet next() throws InterruptedException {
    if (taken >= batches) {
      throw new IllegalStateException("all " + batches + " batches taken");
    }
    Object o = ready.take();
    if (o instanceof Failure f) {
      if (f.cause instanceof RuntimeException r) {
        throw r;
      }
      throw (Error) f.cause;
    }
    taken++;
    return (DataSet) o;
  }

  private void handOver(Failure failure) {
    try {
      ready.put(failure); // after the batches before it, which the trainer takes first
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closed meanwhile: nobody is waiting for it
    }
  }

  /** Stops the worker (if still running) and waits for it. */
  @Override
  public void close() {
    worker.interrupt();
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the worker stops on its own: it was interrupted too
    }
  }

  private record Failure(Throwable cause) {}
}
