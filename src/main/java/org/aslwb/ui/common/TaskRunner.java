package org.aslwb.ui.common;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;

/**
 * Runs long work off the FX thread through one injected executor and reports back on the UI thread:
 * progress (coalesced to at most ~10 updates a second), result or failure. Tests inject a
 * same-thread executor and a same-thread UI poster.
 */
public final class TaskRunner {
  private final Executor executor;
  private final Consumer<Runnable> ui;
  private final StringProperty status = new SimpleStringProperty("");
  private final DoubleProperty progress = new SimpleDoubleProperty(0);
  private final BooleanProperty busy = new SimpleBooleanProperty(false);
  private volatile Cancellation current;

  /** A runner on {@code executor} that posts to the UI through {@code ui}. */
  public TaskRunner(Executor executor, Consumer<Runnable> ui) {
    this.executor = executor;
    this.ui = ui;
  }

  /** Work that reports progress and checks for cancellation. */
  @FunctionalInterface
  public interface Work<T> {
    /** Does the work. */
    T run(ProgressListener progress, Cancellation cancellation) throws Exception;
  }

  /**
   * Starts {@code work} named {@code name}; {@code onDone} and {@code onError} run on the UI
   * thread. Returns the cancellation token.
   */
  public <T> Cancellation run(
      String name, Work<T> work, Consumer<T> onDone, Consumer<Exception> onError) {
    return run(name, new Cancellation(), work, onDone, onError);
  }

  /**
   * As {@link #run(String, Work, Consumer, Consumer)} with the caller's cancellation token, which
   * the caller holds before the work starts (a Stop button pressed at once, or by a listener while
   * the work runs, still reaches it).
   */
  public <T> Cancellation run(
      String name,
      Cancellation cancellation,
      Work<T> work,
      Consumer<T> onDone,
      Consumer<Exception> onError) {
    current = cancellation;
    ui.accept(
        () -> {
          busy.set(true);
          status.set(name + "...");
          progress.set(-1);
        });
    ProgressListener listener =
        new ProgressListener() {
          private long lastPost;

          @Override
          public void progress(long done, long total, String message) {
            long now = System.nanoTime();
            if (now - lastPost < 100_000_000L && done < total) {
              return;
            }
            lastPost = now;
            ui.accept(
                () -> {
                  progress.set(total > 0 ? (double) done / total : -1);
                  status.set(name + ": " + message + (total > 0 ? " " + done + "/" + total : ""));
                });
          }
        };
    executor.execute(
        () -> {
          try {
            T result = work.run(listener, cancellation);
            ui.accept(
                () -> {
                  finish(name + " done");
                  onDone.accept(result);
                });
          } catch (Cancellation.CancelledException e) {
            ui.accept(() -> finish(name + " cancelled"));
          } catch (Exception e) {
            ui.accept(
                () -> {
                  finish(name + " failed: " + e.getMessage());
                  onError.accept(e);
                });
          }
        });
    return cancellation;
  }

  private void finish(String message) {
    busy.set(false);
    progress.set(0);
    status.set(message);
  }

  /** Cancels the most recent task. */
  public void cancelCurrent() {
    Cancellation c = current;
    if (c != null) {
      c.cancel();
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

  /** Progress 0..1, or -1 for indeterminate. */
  public DoubleProperty progressProperty() {
    return progress;
  }

  /** Whether a task is running. */
  public BooleanProperty busyProperty() {
    return busy;
  }
}
