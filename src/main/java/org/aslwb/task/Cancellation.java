package org.aslwb.task;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** A flag that long work checks between batches, so that a cancel takes effect within one batch. */
public final class Cancellation {
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final List<Runnable> whenCancelled = new CopyOnWriteArrayList<>();
  private volatile Runnable betweenBatches = () -> {};

  /** A token that is never cancelled, for callers that do not offer cancel. */
  public static Cancellation none() {
    return new Cancellation();
  }

  /** Asks the work to stop at its next check, and runs the {@link #whenCancelled} hooks. */
  public void cancel() {
    if (cancelled.compareAndSet(false, true)) {
      whenCancelled.forEach(Runnable::run);
    }
  }

  /**
   * Runs {@code hook} on the cancelling thread when cancel is asked for (at once if it already
   * was), so that a job still waiting in a queue is dropped there instead of when a worker reaches
   * it. A cancel racing this call may run the hook twice, so hooks must be idempotent.
   */
  public void whenCancelled(Runnable hook) {
    whenCancelled.add(hook);
    if (cancelled.get()) {
      hook.run();
    }
  }

  /**
   * Sets what long work waits on between its batches: the job service makes a training run give the
   * cores to interactive work there ({@link JobService#yieldToInteractive}).
   */
  public void onBetweenBatches(Runnable pause) {
    betweenBatches = pause;
  }

  /** Called by long work between its batches, before it checks for cancel. */
  public void betweenBatches() {
    betweenBatches.run();
  }

  /** Whether cancel was asked for. */
  public boolean isCancelled() {
    return cancelled.get();
  }

  /** Throws {@link CancelledException} if cancel was asked for. */
  public void check() {
    if (cancelled.get()) {
      throw new CancelledException();
    }
  }

  /** Thrown by {@link #check()} to unwind cancelled work. */
  public static final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public CancelledException() {
      super("cancelled");
    }
  }
}
