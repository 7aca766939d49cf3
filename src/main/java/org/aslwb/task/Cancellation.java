package org.aslwb.task;

import java.util.concurrent.atomic.AtomicBoolean;

/** A flag that long work checks between batches, so that a cancel takes effect within one batch. */
public final class Cancellation {
  private final AtomicBoolean cancelled = new AtomicBoolean();

  /** A token that is never cancelled, for callers that do not offer cancel. */
  public static Cancellation none() {
    return new Cancellation();
  }

  /** Asks the work to stop at its next check. */
  public void cancel() {
    cancelled.set(true);
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
