package org.aslwb.task;

/** Receives progress of long work: how much is done of how much, and what is happening. */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = (done, total, message) -> {};

  /**
   * Reports progress.
   *
   * @param done units finished so far
   * @param total units in all (0 when unknown)
   * @param message what is being done, for a status line
   */
  void progress(long done, long total, String message);
}
