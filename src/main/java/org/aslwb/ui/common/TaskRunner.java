package org.aslwb.ui.common;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.aslwb.task.Cancellation;
import org.aslwb.task.Job;
import org.aslwb.task.JobService;
import org.aslwb.task.LatestWins;

/**
 * The UI's side of the {@link JobService}: starts jobs for the view models and reports back on the
 * UI thread (progress coalesced to at most ~10 updates a second per job, then the result or the
 * failure). It keeps the list of listed jobs for the jobs panel and names the job the status bar's
 * Cancel acts on: the one started last among those still running. Interactive jobs (frames, clicks)
 * are not listed: they take well under a second and the next one replaces them.
 */
public final class TaskRunner {
  private static final long POST_NANOS = 100_000_000L;
  private final JobService jobs;
  private final Consumer<Runnable> ui;
  private final StringProperty status = new SimpleStringProperty("");
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final BooleanProperty busy = new SimpleBooleanProperty(false);
  private final StringProperty failure = new SimpleStringProperty("");
  private final ObjectProperty<Job<?>> current = new SimpleObjectProperty<>();
  private final ObservableList<Job<?>> listed = FXCollections.observableArrayList();

  /** A runner over {@code jobs} that posts to the UI through {@code ui}. */
  public TaskRunner(JobService jobs, Consumer<Runnable> ui) {
    this.jobs = jobs;
    this.ui = ui;
  }

  /** Work that reports progress and checks for cancellation. */
  @FunctionalInterface
  public interface Work<T> extends Job.Work<T> {}

  /** The job service underneath. */
  public JobService jobs() {
    return jobs;
  }

  /** Starts background {@code work} named {@code name}; callbacks run on the UI thread. */
  public <T> Cancellation run(
      String name, Work<T> work, Consumer<T> onDone, Consumer<Exception> onError) {
    return run(JobService.Lane.BACKGROUND, name, new Cancellation(), work, onDone, onError);
  }

  /**
   * As {@link #run(String, Work, Consumer, Consumer)} with the caller's cancellation token, which
   * the caller holds before the work starts (a Stop button pressed at once still reaches it).
   */
  public <T> Cancellation run(
      String name,
      Cancellation cancellation,
      Work<T> work,
      Consumer<T> onDone,
      Consumer<Exception> onError) {
    return run(JobService.Lane.BACKGROUND, name, cancellation, work, onDone, onError);
  }

  /** Starts {@code work} in {@code lane}; {@code onDone} and {@code onError} run on the UI. */
  public <T> Cancellation run(
      JobService.Lane lane,
      String name,
      Cancellation cancellation,
      Work<T> work,
      Consumer<T> onDone,
      Consumer<Exception> onError) {
    return run(lane, name, cancellation, work, onDone, onError, () -> {});
  }

  /**
   * As above, then {@code onEnd} on the UI however the job ends: done, failed, or cancelled, also
   * cancelled before its work began (which then never runs, so a {@code finally} inside the work
   * cannot stand in for this).
   */
  public <T> Cancellation run(
      JobService.Lane lane,
      String name,
      Cancellation cancellation,
      Work<T> work,
      Consumer<T> onDone,
      Consumer<Exception> onError,
      Runnable onEnd) {
    boolean shown = lane != JobService.Lane.INTERACTIVE;
    Job<T> job = jobs.submit(name, lane, cancellation, work);
    if (shown) {
      ui.accept(() -> listed(job));
      job.onChange(new Poster<>(job));
    }
    job.completion()
        .whenComplete(
            (result, error) ->
                ui.accept(
                    () -> {
                      if (shown) {
                        finished(job);
                      }
                      onEnd.run();
                      if (error == null) {
                        onDone.accept(result);
                      } else if (!(unwrap(error) instanceof CancellationException)) {
                        if (shown) {
                          failure.set(name + " failed: " + unwrap(error).getMessage());
                        }
                        onError.accept(asException(unwrap(error)));
                      }
                    }));
    return cancellation;
  }

  /** Computes requests one at a time in the interactive lane, the latest waiting one next. */
  public <T> LatestWins<T> latestWins(String name) {
    return new LatestWins<>(jobs, name, JobService.Lane.INTERACTIVE);
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  private static Exception asException(Throwable e) {
    return e instanceof Exception x ? x : new RuntimeException(e);
  }

  private void listed(Job<?> job) {
    if (!job.state().isFinished() && !listed.contains(job)) {
      listed.add(job);
    }
    refresh();
  }

  private void finished(Job<?> job) {
    listed.remove(job);
    if (current.get() == job || current.get() == null) {
      String end =
          switch (job.state()) {
            case SUCCEEDED -> " done";
            case CANCELLED -> " cancelled";
            default -> " failed: " + job.message();
          };
      current.set(null);
      refresh();
      if (current.get() == null) {
        status.set(job.name() + end);
      }
    } else {
      refresh();
    }
  }

  /** Picks the job the status bar shows: the last started of those running, else the oldest. */
  private void refresh() {
    Job<?> pick = null;
    for (Job<?> j : listed) {
      if (j.state() == Job.State.RUNNING || pick == null) {
        pick = j;
      }
    }
    current.set(pick);
    busy.set(pick != null);
    if (pick == null) {
      progress.set(0);
      return;
    }
    progress.set(pick.state() == Job.State.RUNNING ? pick.progress() : -1);
    String eta = Eta.describe(pick.etaSeconds());
    status.set(
        pick.name()
            + (pick.state() == Job.State.QUEUED ? " (queued)" : ": " + pick.message())
            + (eta.isEmpty() ? "" : ", " + eta)
            + (listed.size() > 1 ? "  (+" + (listed.size() - 1) + " more)" : ""));
  }

  /** Cancels the job the status bar names (see {@link #currentProperty()}), and only that one. */
  public void cancelCurrent() {
    Job<?> job = current.get();
    if (job != null) {
      job.cancel();
    }
  }

  /** Posts to the UI thread. */
  public void onUi(Runnable r) {
    ui.accept(r);
  }

  /** A status line for the status bar. */
  public StringProperty statusProperty() {
    return status;
  }

  /** Progress 0..1 of the current job, or -1 for indeterminate. */
  public DoubleProperty progressProperty() {
    return progress;
  }

  /** Whether a listed job is queued or running. */
  public BooleanProperty busyProperty() {
    return busy;
  }

  /** The last failure of a listed job, for the window's notification ("" before any). */
  public StringProperty failureProperty() {
    return failure;
  }

  /** The job the status bar's Cancel acts on, or null. */
  public ObjectProperty<Job<?>> currentProperty() {
    return current;
  }

  /** Queued and running jobs, except interactive ones; changed on the UI thread. */
  public ObservableList<Job<?>> listedJobs() {
    return listed;
  }

  /** Posts a job's progress to the UI at a bounded rate (every state change at once). */
  private final class Poster<T> implements Consumer<Job<T>> {
    private final Job<T> job;
    private Job.State lastState = Job.State.QUEUED;
    private long lastPost;

    Poster(Job<T> job) {
      this.job = job;
    }

    @Override
    public synchronized void accept(Job<T> j) {
      long now = System.nanoTime();
      if (j.state() == lastState && now - lastPost < POST_NANOS) {
        return;
      }
      lastState = j.state();
      lastPost = now;
      if (!j.state().isFinished()) {
        ui.accept(() -> listed(job));
      }
    }
  }
}
