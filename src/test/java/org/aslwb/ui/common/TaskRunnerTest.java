package org.aslwb.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.aslwb.task.Cancellation;
import org.aslwb.task.Job;
import org.aslwb.task.JobService;
import org.junit.jupiter.api.Test;

/** The runner's callbacks on real worker threads. */
class TaskRunnerTest {
  @Test
  void theEndCallbackRunsOnceForAJobCancelledBeforeItsWorkBegan() throws Exception {
    try (JobService jobs = JobService.withWorkers(2)) {
      TaskRunner runner = new TaskRunner(jobs, Runnable::run);
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch started = new CountDownLatch(1);
      // background work may hold all workers but one: this job keeps the next one queued
      jobs.submit(
          "blocker",
          JobService.Lane.BACKGROUND,
          (p, c) -> {
            started.countDown();
            release.await(30, TimeUnit.SECONDS);
            return "";
          });
      assertTrue(started.await(10, TimeUnit.SECONDS));
      List<String> calls = new CopyOnWriteArrayList<>();
      CountDownLatch ended = new CountDownLatch(1);
      Cancellation cancel = new Cancellation();
      runner.run(
          JobService.Lane.BACKGROUND,
          "queued",
          cancel,
          (p, c) -> {
            calls.add("work");
            return "result";
          },
          r -> calls.add("done"),
          e -> calls.add("error"),
          () -> {
            calls.add("end");
            ended.countDown();
          });
      assertEquals(Job.State.QUEUED, runner.jobs().active().get(1).state());
      cancel.cancel(); // the token only, as a Stop button does
      assertTrue(ended.await(10, TimeUnit.SECONDS), "a job cancelled while queued ends at once");
      assertEquals(1, runner.jobs().active().size(), "the blocker still runs");
      release.countDown();
      assertEquals(List.of("end"), calls);
      assertTrue(
          runner.statusProperty().get().endsWith("cancelled"), runner.statusProperty().get());
    }
  }

  @Test
  void theEndCallbackRunsBeforeTheResultIsShown() throws Exception {
    try (JobService jobs = JobService.withWorkers(2)) {
      TaskRunner runner = new TaskRunner(jobs, Runnable::run);
      List<String> calls = new CopyOnWriteArrayList<>();
      CountDownLatch shown = new CountDownLatch(2);
      runner.run(
          JobService.Lane.BACKGROUND,
          "quick",
          new Cancellation(),
          (p, c) -> "r",
          r -> {
            calls.add("done " + r);
            shown.countDown();
          },
          e -> calls.add("error"),
          () -> calls.add("end"));
      runner.run(
          JobService.Lane.BACKGROUND,
          "failing",
          new Cancellation(),
          (p, c) -> {
            throw new IllegalStateException("broken file");
          },
          r -> calls.add("done"),
          e -> {
            calls.add("error " + e.getMessage());
            shown.countDown();
          },
          () -> calls.add("end"));
      assertTrue(shown.await(10, TimeUnit.SECONDS));
      assertEquals(4, calls.size(), calls.toString());
      assertTrue(calls.indexOf("end") < calls.indexOf("done r"), calls.toString());
      assertTrue(calls.lastIndexOf("end") < calls.indexOf("error broken file"), calls.toString());
    }
  }
}
