package org.aslwb.task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs the workbench's background work as named {@link Job}s in three lanes, so that a training run
 * of hours does not hold up anything else:
 *
 * <ul>
 *   <li>{@link Lane#TRAINING}: one long-lived thread of its own; training runs queue behind each
 *       other.
 *   <li>{@link Lane#INTERACTIVE} and {@link Lane#BACKGROUND} share a bounded pool (two workers by
 *       default, for this project's two-core machines). Interactive work (a slider frame, an image
 *       prediction, a superpixel click) always goes first, and background work (evaluation, sweeps,
 *       LIME, exports) may occupy all workers but one, so a frame never waits behind two sweeps.
 * </ul>
 *
 * <p>Interactive work also goes before training: between its batches a training run waits while
 * interactive work runs or waits, or ended less than {@link #INTERACTIVE_GRACE_MS} ago (a slider
 * drag is a stream of frames), for at most {@link #MAX_YIELD_MS} per batch. On two cores a batch of
 * training on oneDNN keeps both busy, and a frame that shares them arrives late.
 *
 * <p>Every job has its own cancel; cancelling one never touches another. {@link #inline()} runs
 * each job on the submitting thread, for logic tests that do not exercise concurrency.
 */
public final class JobService implements AutoCloseable {
  /** Where a job runs. */
  public enum Lane {
    /** Short work a user is waiting on right now; first in the queue. */
    INTERACTIVE,
    /** Long work: evaluation, sweeps, explanations, exports, loading. */
    BACKGROUND,
    /** Training runs, on their own thread. */
    TRAINING
  }

  /**
   * The pool's thread priority: below the FX thread and its renderer (normal priority), so that on
   * a machine whose cores a training run and a frame keep busy, the window still gets a core at
   * once. Threads a job starts inherit it. Linux applies Java priorities only when the JVM is told
   * to ({@code -XX:ThreadPriorityPolicy=1}, which {@code bin/aslwb gui} passes).
   */
  public static final int POOL_PRIORITY = Thread.NORM_PRIORITY - 1;

  /**
   * The training thread's priority: the lowest, as training runs for hours and nobody waits on a
   * batch.
   */
  public static final int TRAINING_PRIORITY = Thread.MIN_PRIORITY;

  /**
   * How long after interactive work a training run still waits: a drag's frames come this close.
   */
  static final long INTERACTIVE_GRACE_MS = 100;

  /**
   * The longest a training run waits between two batches: it slows under a long drag, never stops.
   */
  static final long MAX_YIELD_MS = 2000;

  private final Object lock = new Object();
  private int interactiveRunning;
  private long interactiveEnded = System.nanoTime() - INTERACTIVE_GRACE_MS * 1_000_000;
  private final PriorityQueue<Job<?>> pool =
      new PriorityQueue<>(
          Comparator.<Job<?>>comparingInt(j -> j.lane().ordinal()).thenComparingLong(Job::id));
  private final List<Job<?>> training = new ArrayList<>();
  private final List<Job<?>> active = new CopyOnWriteArrayList<>();
  private final List<Consumer<Job<?>>> submitListeners = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  private final List<Thread> threads = new ArrayList<>();
  private final int workers;
  private final boolean inline;
  private int backgroundRunning;
  private boolean closed;

  private JobService(int workers, boolean inline) {
    this.workers = workers;
    this.inline = inline;
    if (!inline) {
      for (int i = 0; i < workers; i++) {
        threads.add(start("job-worker-" + (i + 1), POOL_PRIORITY, this::poolLoop));
      }
      threads.add(start("job-training", TRAINING_PRIORITY, this::trainingLoop));
    }
  }

  /** A service with {@code workers} pool threads (at least 2) and one training thread. */
  public static JobService withWorkers(int workers) {
    if (workers < 2) {
      throw new IllegalArgumentException("the pool needs at least 2 workers, got " + workers);
    }
    return new JobService(workers, false);
  }

  /** The pool sized for this machine: two workers (the project's machines have two cores). */
  public static JobService forThisMachine() {
    return withWorkers(2);
  }

  /** A service that runs every job on the submitting thread (logic tests only). */
  public static JobService inline() {
    return new JobService(0, true);
  }

  /** Pool workers (the training thread not counted). */
  public int workers() {
    return workers;
  }

  /** Calls {@code listener} with every job as it is submitted, on the submitting thread. */
  public void onSubmit(Consumer<Job<?>> listener) {
    submitListeners.add(listener);
  }

  /**
   * Queues {@code work} named {@code name} in {@code lane}, with a fresh cancellation token. After
   * {@link #close()} the job is returned cancelled.
   */
  public <T> Job<T> submit(String name, Lane lane, Job.Work<T> work) {
    return submit(name, lane, new Cancellation(), work);
  }

  /**
   * Queues {@code work} with the caller's cancellation token (a Stop button pressed before the work
   * starts still reaches it).
   */
  public <T> Job<T> submit(String name, Lane lane, Cancellation cancellation, Job.Work<T> work) {
    Job<T> job = new Job<>(ids.incrementAndGet(), name, lane, cancellation, work);
    active.add(job);
    job.onChange(
        j -> {
          if (j.state().isFinished()) {
            active.remove(j);
            wake();
          }
        });
    submitListeners.forEach(l -> l.accept(job));
    if (inline) {
      job.run();
      return job;
    }
    synchronized (lock) {
      if (closed) {
        // the app is closing: late work (say, loading the model a cancelled run saved) never runs
        job.cancel();
        return job;
      }
      if (lane == Lane.TRAINING) {
        cancellation.onBetweenBatches(() -> yieldToInteractive(cancellation));
        cancellation.whenCancelled(this::wake); // a Stop ends the wait at once
        training.add(job);
      } else {
        pool.add(job);
      }
      lock.notifyAll();
    }
    // a Stop pressed on the token while the job waits ends it now, not when a worker frees up
    cancellation.whenCancelled(job::cancel);
    return job;
  }

  /** Queued and running jobs, oldest first. */
  public List<Job<?>> active() {
    return List.copyOf(active);
  }

  private void wake() {
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  private void poolLoop() {
    while (true) {
      Job<?> job;
      synchronized (lock) {
        while ((job = nextPoolJob()) == null) {
          if (closed) {
            return;
          }
          await();
        }
        if (job.lane() == Lane.BACKGROUND) {
          backgroundRunning++;
        } else {
          interactiveRunning++;
        }
      }
      try {
        job.run();
      } finally {
        synchronized (lock) {
          if (job.lane() == Lane.BACKGROUND) {
            backgroundRunning--;
          } else {
            interactiveRunning--;
            interactiveEnded = System.nanoTime();
          }
          lock.notifyAll();
        }
      }
    }
  }

  /**
   * Waits while interactive work runs, waits or has just ended, for at most {@link #MAX_YIELD_MS},
   * unless {@code cancellation} is cancelled: what a training run does between its batches.
   */
  public void yieldToInteractive(Cancellation cancellation) {
    long deadline = System.nanoTime() + MAX_YIELD_MS * 1_000_000;
    synchronized (lock) {
      while (!closed && !cancellation.isCancelled()) {
        long now = System.nanoTime();
        long quietAt = interactiveEnded + INTERACTIVE_GRACE_MS * 1_000_000;
        boolean working =
            interactiveRunning > 0 || pool.stream().anyMatch(j -> j.lane() == Lane.INTERACTIVE);
        if ((!working && now >= quietAt) || now >= deadline) {
          return;
        }
        // a job's end and a submit notify: while one works, sleep until then; after, the grace
        long until = working ? deadline : Math.min(deadline, quietAt);
        try {
          lock.wait(Math.max(1, (until - now + 999_999) / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** The first eligible job: interactive any time, background only while a worker stays free. */
  private Job<?> nextPoolJob() {
    pool.removeIf(j -> j.state().isFinished()); // cancelled while queued
    Job<?> head = pool.peek();
    if (head == null || closed) {
      return null;
    }
    if (head.lane() == Lane.BACKGROUND && backgroundRunning >= workers - 1) {
      return null;
    }
    return pool.poll();
  }

  private void trainingLoop() {
    while (true) {
      Job<?> job;
      synchronized (lock) {
        training.removeIf(j -> j.state().isFinished());
        while (training.isEmpty()) {
          if (closed) {
            return;
          }
          await();
          training.removeIf(j -> j.state().isFinished());
        }
        job = training.remove(0);
      }
      job.run();
    }
  }

  private void await() {
    try {
      lock.wait(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** Cancels every job and stops the threads (running work stops at its next check). */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    active.forEach(Job::cancel);
  }

  private static Thread start(String name, int priority, Runnable loop) {
    Thread t = new Thread(loop, name);
    t.setDaemon(true);
    t.setPriority(priority);
    t.start();
    return t;
  }
}
