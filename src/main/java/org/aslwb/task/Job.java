package org.aslwb.task;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One piece of work in the {@link JobService}: its name, lane, state, progress, estimated time left
 * and its own cancel. Thread-safe: the worker reports progress while any thread reads or cancels.
 *
 * @param <T> what the work returns
 */
public final class Job<T> {
  /** Where a job is in its life. */
  public enum State {
    /** Waiting for a worker. */
    QUEUED,
    /** On a worker. */
    RUNNING,
    /** Finished with a result. */
    SUCCEEDED,
    /** Stopped by its cancel. */
    CANCELLED,
    /** Ended with an error. */
    FAILED;

    /** Whether the job has ended. */
    public boolean isFinished() {
      return this != QUEUED && this != RUNNING;
    }
  }

  /** Work that reports progress and checks for cancellation between steps. */
  @FunctionalInterface
  public interface Work<T> {
    /** Does the work. */
    T run(ProgressListener progress, Cancellation cancellation) throws Exception;
  }

  private final long id;
  private final String name;
  private final JobService.Lane lane;
  private final Work<T> work;
  private final Cancellation cancellation;
  private final CompletableFuture<T> completion = new CompletableFuture<>();
  private final List<Consumer<Job<T>>> changeListeners = new CopyOnWriteArrayList<>();
  private volatile State state = State.QUEUED;
  private volatile long done;
  private volatile long total;
  private volatile String message = "queued";
  private volatile long startedNanos;
  private volatile long submittedNanos = System.nanoTime();

  Job(long id, String name, JobService.Lane lane, Cancellation cancellation, Work<T> work) {
    this.id = id;
    this.name = name;
    this.lane = lane;
    this.cancellation = cancellation;
    this.work = work;
  }

  /** Submission order, unique per service. */
  public long id() {
    return id;
  }

  /** What the job does, for the jobs panel and the status bar ("training", "FGSM sweep of m"). */
  public String name() {
    return name;
  }

  /** The lane it runs in. */
  public JobService.Lane lane() {
    return lane;
  }

  /** Its state now. */
  public State state() {
    return state;
  }

  /** Fraction done in [0,1], or -1 while unknown. */
  public double progress() {
    long t = total;
    return t > 0 ? Math.min(1.0, (double) done / t) : -1;
  }

  /** The last progress message. */
  public String message() {
    return message;
  }

  /**
   * Seconds left, extrapolated from the time so far and the fraction done; -1 while unknown (not
   * started, no total, or under 2% done, where the estimate is noise).
   */
  public double etaSeconds() {
    double f = progress();
    if (state != State.RUNNING || f < 0.02) {
      return -1;
    }
    double elapsed = (System.nanoTime() - startedNanos) / 1e9;
    return elapsed * (1 - f) / f;
  }

  /** Seconds since submission (queued time included). */
  public double ageSeconds() {
    return (System.nanoTime() - submittedNanos) / 1e9;
  }

  /** The job's cancellation token (the work checks it). */
  public Cancellation cancellation() {
    return cancellation;
  }

  /**
   * Asks the job to stop: a queued job never starts, a running one stops at its next check. Other
   * jobs are not touched.
   */
  public void cancel() {
    cancellation.cancel();
    synchronized (this) {
      if (state != State.QUEUED) {
        return;
      }
      state = State.CANCELLED;
      message = "cancelled before it started";
    }
    changed();
    completion.cancel(false);
  }

  /** Completes with the result, or exceptionally (a cancelled job with a CancellationException). */
  public CompletableFuture<T> completion() {
    return completion;
  }

  /** Calls {@code listener} on the reporting thread whenever state or progress change. */
  public void onChange(Consumer<Job<T>> listener) {
    changeListeners.add(listener);
  }

  /** Runs the work on the calling (worker) thread; false when it was cancelled while queued. */
  boolean run() {
    synchronized (this) {
      if (state != State.QUEUED) {
        return false;
      }
      state = State.RUNNING;
      startedNanos = System.nanoTime();
      message = "started";
    }
    changed();
    try {
      cancellation.check();
      T result = work.run(this::report, cancellation);
      finish(State.SUCCEEDED, "done");
      completion.complete(result);
    } catch (Cancellation.CancelledException e) {
      finish(State.CANCELLED, "cancelled");
      completion.cancel(false);
    } catch (Exception | Error e) {
      finish(State.FAILED, String.valueOf(e.getMessage()));
      completion.completeExceptionally(e);
    }
    return true;
  }

  private void report(long doneNow, long totalNow, String text) {
    done = doneNow;
    total = totalNow;
    message = text;
    changed();
  }

  private void finish(State end, String text) {
    message = text;
    state = end;
    changed();
  }

  private void changed() {
    for (Consumer<Job<T>> l : changeListeners) {
      l.accept(this);
    }
  }

  @Override
  public String toString() {
    return name + " (" + state + ")";
  }
}
