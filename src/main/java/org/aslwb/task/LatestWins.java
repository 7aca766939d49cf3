package org.aslwb.task;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Computes at most one request at a time in a {@link JobService}; a request made while one is
 * computed replaces the one waiting, if any. A slider drag of 50 events therefore computes the
 * frame in progress and the latest one, never the stale frames in between.
 *
 * <p>{@link #reset()} starts a new generation (say, another model or image): the waiting request is
 * dropped, the running one is cancelled, and no result of an older generation is delivered.
 *
 * @param <T> what a request computes
 */
public final class LatestWins<T> {
  private final JobService jobs;
  private final String name;
  private final JobService.Lane lane;
  private final AtomicLong computed = new AtomicLong();
  private Request<T> waiting;
  // the running request's cancellation; null when idle
  private Cancellation running;
  private long generation;

  private record Request<T>(
      long generation, Job.Work<T> work, Consumer<T> onResult, Consumer<Exception> onError) {}

  /** Requests named {@code name}, computed in {@code lane} of {@code jobs}. */
  public LatestWins(JobService jobs, String name, JobService.Lane lane) {
    this.jobs = jobs;
    this.name = name;
    this.lane = lane;
  }

  /**
   * Asks for {@code work}; {@code onResult} (or {@code onError}) runs on the worker thread unless a
   * newer generation began meanwhile.
   */
  public void submit(Job.Work<T> work, Consumer<T> onResult, Consumer<Exception> onError) {
    Request<T> request;
    synchronized (this) {
      request = new Request<>(generation, work, onResult, onError);
      if (running != null) {
        waiting = request;
        return;
      }
      running = new Cancellation();
      start(request, running);
    }
  }

  /** Drops the waiting request, cancels the running one and ignores every older result. */
  public void reset() {
    synchronized (this) {
      generation++;
      waiting = null;
      if (running != null) {
        running.cancel();
      }
    }
  }

  /**
   * The generation now; a UI that applies a result later checks it is still current, since a {@link
   * #reset()} may have come in between.
   */
  public synchronized long generation() {
    return generation;
  }

  /** Requests computed so far (started, including ones later cancelled). */
  public long computed() {
    return computed.get();
  }

  /** Whether a request is being computed or waits. */
  public synchronized boolean isBusy() {
    return running != null;
  }

  private void start(Request<T> request, Cancellation token) {
    jobs.submit(
            name,
            lane,
            token,
            (progress, cancellation) -> {
              computed.incrementAndGet();
              try {
                T result = request.work().run(progress, cancellation);
                if (isCurrent(request)) {
                  request.onResult().accept(result);
                }
              } catch (Cancellation.CancelledException e) {
                throw e;
              } catch (Exception e) {
                if (isCurrent(request)) {
                  request.onError().accept(e);
                }
              }
              return null;
            })
        .completion()
        // also when the job was cancelled before it started
        .whenComplete((r, e) -> next());
  }

  private synchronized boolean isCurrent(Request<T> request) {
    return request.generation() == generation;
  }

  private void next() {
    synchronized (this) {
      Request<T> request = waiting;
      waiting = null;
      running = request == null ? null : new Cancellation();
      if (request != null) {
        start(request, running);
      }
    }
  }
}
