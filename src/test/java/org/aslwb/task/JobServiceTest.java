package org.aslwb.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The job service on real threads: lanes, priorities and per-job cancel. */
class JobServiceTest {
  private static Job.Work<String> blockUntil(CountDownLatch release, CountDownLatch started) {
    return (p, c) -> {
      started.countDown();
      while (!release.await(10, TimeUnit.MILLISECONDS)) {
        c.check();
      }
      return "released";
    };
  }

  @Test
  void interactiveWorkRunsWhileBackgroundJobsHoldTheOtherWorker() throws Exception {
    try (JobService jobs = JobService.withWorkers(2)) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch started = new CountDownLatch(1);
      Job<String> sweep =
          jobs.submit("sweep", JobService.Lane.BACKGROUND, blockUntil(release, started));
      Job<String> lime =
          jobs.submit(
              "lime", JobService.Lane.BACKGROUND, blockUntil(release, new CountDownLatch(1)));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      Job<String> frame = jobs.submit("frame", JobService.Lane.INTERACTIVE, (p, c) -> "frame");

      assertEquals("frame", frame.completion().get(10, TimeUnit.SECONDS));
      assertEquals(Job.State.RUNNING, sweep.state());
      assertEquals(Job.State.QUEUED, lime.state(), "one worker stays free for interactive work");
      release.countDown();
      assertEquals("released", lime.completion().get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void jobsRunBelowTheWindowsPriorityAndTrainingLowestSoTheWindowGetsACoreFirst() throws Exception {
    try (JobService jobs = JobService.withWorkers(2)) {
      int frame =
          jobs.submit("frame", JobService.Lane.INTERACTIVE, (p, c) -> priority())
              .completion()
              .get(10, TimeUnit.SECONDS);
      int training =
          jobs.submit("training", JobService.Lane.TRAINING, (p, c) -> priority())
              .completion()
              .get(10, TimeUnit.SECONDS);
      int startedByTraining =
          jobs.submit(
                  "training",
                  JobService.Lane.TRAINING,
                  (p, c) -> {
                    int[] seen = new int[1];
                    Thread helper = new Thread(() -> seen[0] = priority(), "prefetch");
                    helper.start();
                    helper.join();
                    return seen[0];
                  })
              .completion()
              .get(10, TimeUnit.SECONDS);

      assertTrue(frame < Thread.NORM_PRIORITY, "frames below the FX thread: " + frame);
      assertTrue(training < frame, "training below frames: " + training);
      assertEquals(training, startedByTraining, "a training run's own threads inherit it");
    }
  }

  /** Whether {@code count} reaches {@code target} within 10 s. */
  private static boolean reaches(java.util.concurrent.atomic.AtomicInteger count, int target)
      throws InterruptedException {
    long until = System.nanoTime() + 10_000_000_000L;
    while (count.get() < target && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    return count.get() >= target;
  }

  private static int priority() {
    return Thread.currentThread().getPriority();
  }

  @Test
  void evaluationAndExplanationFinishWhileATrainingRunGoesOn() throws Exception {
    try (JobService jobs = JobService.withWorkers(2)) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch started = new CountDownLatch(1);
      Job<String> training =
          jobs.submit("training", JobService.Lane.TRAINING, blockUntil(release, started));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      Job<String> evaluate = jobs.submit("evaluate", JobService.Lane.BACKGROUND, (p, c) -> "e");
      Job<String> explain = jobs.submit("explain", JobService.Lane.BACKGROUND, (p, c) -> "x");

      assertEquals("e", evaluate.completion().get(10, TimeUnit.SECONDS));
      assertEquals("x", explain.completion().get(10, TimeUnit.SECONDS));
      assertEquals(Job.State.RUNNING, training.state());
      release.countDown();
      training.completion().get(10, TimeUnit.SECONDS);
      assertEquals(Job.State.SUCCEEDED, training.state());
    }
  }

  @Test
  void aTrainingRunWaitsBetweenBatchesWhileInteractiveWorkRuns() throws Exception {
    try (JobService jobs = JobService.withWorkers(2)) {
      java.util.concurrent.atomic.AtomicInteger batches =
          new java.util.concurrent.atomic.AtomicInteger();
      AtomicBoolean stop = new AtomicBoolean();
      Job<String> training =
          jobs.submit(
              "training",
              JobService.Lane.TRAINING,
              (p, c) -> {
                while (!stop.get()) {
                  c.betweenBatches();
                  batches.incrementAndGet();
                  Thread.sleep(1);
                }
                return "t";
              });
      assertTrue(reaches(batches, 5), "the run trains while nothing interactive runs");

      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch started = new CountDownLatch(1);
      Job<String> frame =
          jobs.submit("frame", JobService.Lane.INTERACTIVE, blockUntil(release, started));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      Thread.sleep(50); // a batch in progress when the frame began may finish
      int during = batches.get();
      Thread.sleep(300);
      assertTrue(batches.get() <= during + 1, "no batch starts while the frame computes");
      release.countDown();
      frame.completion().get(10, TimeUnit.SECONDS);
      assertTrue(reaches(batches, during + 5), "training goes on once the frame is done");
      stop.set(true);
      assertEquals("t", training.completion().get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void aStopEndsATrainingRunsWaitForInteractiveWorkAtOnce() throws Exception {
    try (JobService jobs = JobService.withWorkers(2)) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch started = new CountDownLatch(1);
      Job<String> frame =
          jobs.submit("frame", JobService.Lane.INTERACTIVE, blockUntil(release, started));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      CountDownLatch waiting = new CountDownLatch(1);
      Cancellation stop = new Cancellation();
      Job<String> training =
          jobs.submit(
              "training",
              JobService.Lane.TRAINING,
              stop,
              (p, c) -> {
                waiting.countDown();
                c.betweenBatches(); // waits: the frame still computes
                c.check();
                return "t";
              });
      assertTrue(waiting.await(10, TimeUnit.SECONDS));
      Thread.sleep(50);
      long asked = System.nanoTime();
      stop.cancel();
      training.completion().handle((v, e) -> v).get(10, TimeUnit.SECONDS);
      long tookMs = (System.nanoTime() - asked) / 1_000_000;
      assertTrue(tookMs < JobService.MAX_YIELD_MS / 2, "stopped after " + tookMs + " ms");
      assertEquals(Job.State.CANCELLED, training.state());
      release.countDown();
      frame.completion().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void cancellingOneJobLeavesTheOthers() throws Exception {
    try (JobService jobs = JobService.withWorkers(2)) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch started = new CountDownLatch(1);
      Job<String> running =
          jobs.submit("a", JobService.Lane.BACKGROUND, blockUntil(release, started));
      assertTrue(started.await(10, TimeUnit.SECONDS));
      AtomicBoolean queuedRan = new AtomicBoolean();
      Job<String> queued =
          jobs.submit(
              "b",
              JobService.Lane.BACKGROUND,
              (p, c) -> {
                queuedRan.set(true);
                return "b";
              });
      Job<String> other =
          jobs.submit("c", JobService.Lane.TRAINING, blockUntil(release, new CountDownLatch(1)));

      queued.cancel();
      assertEquals(Job.State.CANCELLED, queued.state());
      running.cancel();
      assertTrue(running.completion().isCancelled() || waitCancelled(running));
      assertEquals(Job.State.CANCELLED, running.state());
      assertFalse(other.state().isFinished(), "the training job goes on");
      release.countDown();
      assertEquals("released", other.completion().get(10, TimeUnit.SECONDS));
      Thread.sleep(100);
      assertFalse(queuedRan.get(), "a job cancelled in the queue never starts");
    }
  }

  private static boolean waitCancelled(Job<?> job) throws InterruptedException {
    for (int i = 0; i < 500 && job.state() != Job.State.CANCELLED; i++) {
      Thread.sleep(10);
    }
    return job.state() == Job.State.CANCELLED;
  }

  @Test
  void progressGivesAFractionAndAnEstimate() throws Exception {
    try (JobService jobs = JobService.withWorkers(2)) {
      CountDownLatch half = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Job<String> job =
          jobs.submit(
              "steps",
              JobService.Lane.BACKGROUND,
              (p, c) -> {
                Thread.sleep(50);
                p.progress(5, 10, "half");
                half.countDown();
                release.await();
                return "ok";
              });
      assertTrue(half.await(10, TimeUnit.SECONDS));
      assertEquals(0.5, job.progress(), 1e-9);
      assertEquals("half", job.message());
      assertTrue(job.etaSeconds() > 0.02, "about as long again as so far: " + job.etaSeconds());
      release.countDown();
      job.completion().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aDragOfFiftyRequestsComputesOnlyTheFirstAndTheLast() throws Exception {
    try (JobService jobs = JobService.withWorkers(2)) {
      LatestWins<Integer> frames = new LatestWins<>(jobs, "frame", JobService.Lane.INTERACTIVE);
      CountDownLatch release = new CountDownLatch(1);
      List<Integer> shown = new CopyOnWriteArrayList<>();
      CountDownLatch last = new CountDownLatch(1);
      for (int i = 0; i < 50; i++) {
        int value = i;
        frames.submit(
            (p, c) -> {
              release.await();
              return value;
            },
            v -> {
              shown.add(v);
              if (v == 49) {
                last.countDown();
              }
            },
            e -> {});
      }
      release.countDown();
      assertTrue(last.await(10, TimeUnit.SECONDS));
      assertEquals(List.of(0, 49), shown);
      assertEquals(2, frames.computed());
    }
  }

  @Test
  void aResetDropsTheWaitingRequestAndTheRunningResult() throws Exception {
    try (JobService jobs = JobService.withWorkers(2)) {
      LatestWins<String> frames = new LatestWins<>(jobs, "frame", JobService.Lane.INTERACTIVE);
      CountDownLatch started = new CountDownLatch(1);
      List<String> shown = new CopyOnWriteArrayList<>();
      frames.submit(
          (p, c) -> {
            started.countDown();
            Thread.sleep(200); // not cancellable: the result must still be dropped
            return "old model";
          },
          shown::add,
          e -> {});
      frames.submit((p, c) -> "old model, later frame", shown::add, e -> {});
      assertTrue(started.await(10, TimeUnit.SECONDS));
      frames.reset();
      CountDownLatch done = new CountDownLatch(1);
      frames.submit(
          (p, c) -> "new model",
          v -> {
            shown.add(v);
            done.countDown();
          },
          e -> {});
      assertTrue(done.await(10, TimeUnit.SECONDS));
      assertEquals(List.of("new model"), shown);
    }
  }
}
