package org.aslwb.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.concurrent.Task;
import org.aslwb.data.DaemonThreads;
import org.aslwb.task.Job;

/**
 * A {@link Job} as a JavaFX {@link Task}, for ControlsFX's {@code TaskProgressView}: that view
 * shows title, message and progress of Tasks and enables a Task's cancel button only while the Task
 * runs. So the mirror "runs" from the moment its job is queued: its {@link #call()} only watches
 * the job (10 times a second) until it ends, while the job itself runs in the job service. Its
 * cancel cancels the job, and only that job.
 */
public final class JobTask extends Task<Void> {
  // watchers sleep most of the time; one thread each keeps them simple
  private static final ExecutorService WATCHERS =
      Executors.newCachedThreadPool(DaemonThreads.named("job-watcher"));
  private final Job<?> job;

  private JobTask(Job<?> job) {
    this.job = job;
    updateTitle(job.name());
    updateMessage(describe(job));
    updateProgress(0, 1); // a Task starts indeterminate; see call() for why the panel never is
  }

  /** A mirror of {@code job}, already watching it. */
  public static JobTask watch(Job<?> job) {
    JobTask task = new JobTask(job);
    WATCHERS.execute(task);
    return task;
  }

  /** The job this task mirrors. */
  public Job<?> job() {
    return job;
  }

  @Override
  protected Void call() throws InterruptedException {
    while (!job.state().isFinished()) {
      updateMessage(describe(job));
      // an unknown fraction shows as an empty bar, not as the moving indeterminate one: that
      // animation lays the whole panel out again at every pulse (its list re-creating cells), as
      // long as a job prepares; the message says what it is doing
      updateProgress(Math.max(0, job.progress()), 1);
      Thread.sleep(100);
    }
    return null;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    job.cancel();
    return super.cancel(mayInterruptIfRunning);
  }

  /** "running: epoch 2, batch 14/40, ETA 3 min 05 s", or "queued". */
  static String describe(Job<?> job) {
    if (job.state() == Job.State.QUEUED) {
      return "queued (" + job.lane().name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
    String eta = Eta.describe(job.etaSeconds());
    return job.message() + (eta.isEmpty() ? "" : ", " + eta);
  }
}
