package org.aslwb.ui.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.aslwb.data.Corruption;
import org.aslwb.task.JobService;
import org.aslwb.ui.UiFixtures;
import org.aslwb.ui.Workspace;
import org.aslwb.ui.common.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShiftsViewModelTest {
  @Test
  void aRunFillsOneRowPerCorruptionAndIsReproducibleForASeed(@TempDir Path dir) throws Exception {
    Workspace workspace = UiFixtures.sameThreadWorkspace();
    ShiftsViewModel vm = new ShiftsViewModel(workspace);
    UiFixtures.openTinyDemo(workspace, "A");
    vm.seedProperty().set("4");
    vm.run();
    assertEquals(Corruption.values().length, vm.rows().size());
    assertEquals("brightness", vm.rows().get(0).shift());
    assertTrue(vm.summaryProperty().get().startsWith("clean accuracy"), vm.summaryProperty().get());
    assertTrue(vm.summaryProperty().get().contains("seed 4"), vm.summaryProperty().get());
    assertFalse(vm.runningProperty().get());
    List<ShiftsViewModel.Row> first = new ArrayList<>(vm.rows());
    vm.run();
    assertEquals(first, vm.rows());
    vm.export(dir);
    assertTrue(Files.readString(dir.resolve("shifts.csv")).startsWith("shift,severity"));
    workspace.modelProperty().set(null);
    assertTrue(vm.rows().isEmpty(), "a result is not shown for another model");
    assertNull(vm.reportProperty().get());
  }

  @Test
  void aBadSeedOrNoModelIsSaidAndNothingRuns() throws Exception {
    Workspace workspace = UiFixtures.sameThreadWorkspace();
    ShiftsViewModel vm = new ShiftsViewModel(workspace);
    vm.run();
    assertEquals("Needs a model and a data set.", vm.messageProperty().get());
    UiFixtures.openTinyDemo(workspace, "A");
    vm.seedProperty().set("x1");
    vm.run();
    assertTrue(vm.messageProperty().get().contains("x1"), vm.messageProperty().get());
    assertTrue(vm.rows().isEmpty());
  }

  @Test
  void cancelStopsARunOnAnotherThreadAndFreesTheButtons() throws Exception {
    try (JobService jobs = JobService.withWorkers(2)) {
      Workspace workspace = new Workspace(new TaskRunner(jobs, Runnable::run));
      ShiftsViewModel vm = new ShiftsViewModel(workspace);
      Workspace demo = UiFixtures.sameThreadWorkspace();
      UiFixtures.openTinyDemo(demo, "A");
      CountDownLatch started = new CountDownLatch(1);
      workspace
          .tasks()
          .statusProperty()
          .addListener(
              (o, was, now) -> {
                if (now.contains("shift suite:")) {
                  started.countDown();
                }
              });
      workspace.modelProperty().set(demo.modelProperty().get());
      workspace.datasetProperty().set(demo.datasetProperty().get());
      vm.run();
      assertTrue(vm.runningProperty().get());
      assertTrue(started.await(60, TimeUnit.SECONDS), "no progress reported");
      vm.cancel();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while ((vm.runningProperty().get() || !jobs.active().isEmpty())
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertFalse(vm.runningProperty().get());
      assertTrue(workspace.tasks().statusProperty().get().endsWith("cancelled"));
      assertNull(vm.reportProperty().get());
      assertNotNull(vm.messageProperty().get());
    }
  }

  @Test
  void cancellingARunStillQueuedFreesTheButtonsAtOnce() throws Exception {
    try (JobService jobs = JobService.withWorkers(2)) {
      Workspace workspace = new Workspace(new TaskRunner(jobs, Runnable::run));
      ShiftsViewModel vm = new ShiftsViewModel(workspace);
      Workspace demo = UiFixtures.sameThreadWorkspace();
      UiFixtures.openTinyDemo(demo, "A");
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch started = new CountDownLatch(1);
      jobs.submit(
          "an evaluation already running",
          JobService.Lane.BACKGROUND,
          (p, c) -> {
            started.countDown();
            return release.await(30, TimeUnit.SECONDS);
          });
      assertTrue(started.await(10, TimeUnit.SECONDS));
      workspace.modelProperty().set(demo.modelProperty().get());
      workspace.datasetProperty().set(demo.datasetProperty().get());
      vm.run();
      assertTrue(vm.runningProperty().get());
      vm.cancel();
      assertFalse(vm.runningProperty().get(), "a queued run is dropped on cancel");
      release.countDown();
      assertTrue(workspace.tasks().statusProperty().get().endsWith("cancelled"));
    }
  }
}
