package org.aslwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.aslwb.TinyModels;
import org.aslwb.data.ImageDecoder;
import org.aslwb.explain.ExplainInput;
import org.aslwb.task.Job;
import org.aslwb.task.JobService;
import org.aslwb.ui.common.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole window on real job threads: training runs while the other tabs work. */
@ExtendWith(ApplicationExtension.class)
class ConcurrentJobsTabTest {
  @TempDir static Path dir;
  private JobService jobs;
  private Workspace workspace;
  private Parent root;

  @BeforeAll
  static void trainTheTinyModel() throws Exception {
    TinyModels.trainedCnn();
  }

  @Start
  void start(Stage stage) throws Exception {
    jobs = JobService.withWorkers(2);
    workspace = UiFixtures.showWindowWithRealJobs(stage, jobs);
    root = stage.getScene().getRoot();
    workspace.modelFileProperty().set(TinyModels.trainedCnn());
    workspace.modelProperty().set(TinyModels.model());
    workspace.datasetProperty().set(TinyModels.load(TinyModels.data()));
    Path image = UiFixtures.firstImageOf("B");
    workspace.imageNameProperty().set(image.getFileName().toString());
    workspace.photoProperty().set(ExplainInput.fromPhoto(new ImageDecoder().decode(image)));
  }

  @AfterEach
  void stopJobs() {
    jobs.close();
  }

  private Job<?> listed(String prefix) {
    return workspace.tasks().listedJobs().stream()
        .filter(j -> j.name().startsWith(prefix))
        .findFirst()
        .orElse(null);
  }

  @Test
  void evaluateAndExplainFinishWhileATrainingRunGoesOn(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          select("Train"); // the window holds only the selected tab's nodes
          text("#width", "0.25");
          text("#size", "32");
          text("#epochs", "500");
          text("#batch", "32");
          text("#output", dir.resolve("long.aslwb").toString());
          ((Button) root.lookup("#startTraining")).fire();
        });
    UiFixtures.waitFor(
        60,
        "the training job to run",
        () -> listed("training") != null && listed("training").state() == Job.State.RUNNING);
    Job<?> training = listed("training");

    Label[] results = new Label[2];
    robot.interact(
        () -> {
          select("Evaluate");
          ((Button) root.lookup("#evaluateSplit")).fire();
          results[0] = (Label) root.lookup("#scores");
          select("Explain");
          text("#limeSamples", "200");
          ((Button) root.lookup("#runLime")).fire();
          results[1] = (Label) root.lookup("#cleanSummary");
        });
    UiFixtures.waitFor(
        120,
        "evaluation and LIME",
        () -> !results[0].getText().isEmpty() && !results[1].getText().isEmpty());

    assertEquals(Job.State.RUNNING, training.state(), "training goes on meanwhile");
    assertTrue(results[1].getText().startsWith("clean: "));
    Button cancel = (Button) root.lookup("#cancelTask");
    assertEquals("Cancel " + training.name(), cancel.getText(), "the status bar names its job");
    robot.interact(cancel::fire);
    UiFixtures.waitFor(60, "training to stop", () -> training.state().isFinished());
  }

  @Test
  void theTrainTabTakesNoPointsWhileHiddenAndCatchesUpWhenShown(FxRobot robot) throws Exception {
    robot.interact(() -> select("Train"));
    @SuppressWarnings("unchecked")
    LineChart<Number, Number> loss = (LineChart<Number, Number>) root.lookup("#lossChart");
    ListView<?> log = (ListView<?>) root.lookup("#trainLog");
    int[] logAtSwitch = new int[1];
    robot.interact(
        () -> {
          text("#size", "32");
          text("#epochs", "2");
          text("#batch", "32");
          text("#output", dir.resolve("hidden.aslwb").toString());
          ((Button) root.lookup("#startTraining")).fire();
          logAtSwitch[0] = log.getItems().size(); // what Start wrote while the tab was shown
          select("Attack");
        });
    UiFixtures.waitFor(60, "the training job", () -> listed("training") != null);
    Job<?> training = listed("training");
    UiFixtures.waitFor(120, "the training run to end", () -> training.state().isFinished());
    robot.interact(() -> {});
    assertEquals(Job.State.SUCCEEDED, training.state());
    assertTrue(loss.getData().get(0).getData().isEmpty(), "a hidden chart takes no points");
    assertEquals(logAtSwitch[0], log.getItems().size(), "nor does the hidden log");

    robot.interact(() -> select("Train"));
    assertFalse(loss.getData().get(0).getData().isEmpty(), "the batch losses, once shown");
    assertEquals(2, loss.getData().get(2).getData().size(), "one val loss per epoch");
    assertTrue(log.getItems().size() > logAtSwitch[0], "the log, once shown");
  }

  private void select(String tab) {
    UiFixtures.select(root, tab);
  }

  @Test
  void cancelInTheJobsPanelCancelsThatJobOnly(FxRobot robot) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    TaskRunner tasks = workspace.tasks();
    robot.interact(
        () -> {
          for (String name : new String[] {"first sweep", "second sweep", "third sweep"}) {
            tasks.run(
                name,
                (p, c) -> {
                  while (!release.await(10, TimeUnit.MILLISECONDS)) {
                    c.check();
                  }
                  return name;
                },
                r -> {},
                e -> {});
          }
        });
    UiFixtures.waitFor(10, "three listed jobs", () -> tasks.listedJobs().size() == 3);
    Job<?> first = listed("first");
    Job<?> second = listed("second");
    Job<?> third = listed("third");
    UiFixtures.waitFor(10, "the panel's rows", () -> cancelButtonOf("second") != null);
    assertEquals(Job.State.QUEUED, second.state(), "one pool worker stays free: it waits");

    robot.clickOn(cancelButtonOf("second"));
    UiFixtures.waitFor(10, "the second job to end", () -> second.state().isFinished());
    assertEquals(Job.State.CANCELLED, second.state());
    assertFalse(first.state().isFinished());
    assertFalse(third.state().isFinished());

    robot.clickOn(cancelButtonOf("first"));
    UiFixtures.waitFor(10, "the first job to end", () -> first.state().isFinished());
    UiFixtures.waitFor(10, "the third job to start", () -> third.state() == Job.State.RUNNING);
    release.countDown();
    UiFixtures.waitFor(10, "the third job to finish", () -> third.state() == Job.State.SUCCEEDED);
    assertEquals(Job.State.CANCELLED, first.state());
  }

  @Test
  void aJobOfUnknownProgressLeavesTheJobsPanelStill(FxRobot robot) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    TaskRunner tasks = workspace.tasks();
    robot.interact(
        () ->
            tasks.run(
                "preparing job",
                (p, c) -> {
                  p.progress(0, 0, "reading the folder"); // no total: the fraction is unknown
                  while (!release.await(10, TimeUnit.MILLISECONDS)) {
                    c.check();
                  }
                  return "done";
                },
                r -> {},
                e -> {}));
    UiFixtures.waitFor(10, "the panel's row", () -> cancelButtonOf("preparing") != null);
    UiFixtures.waitFor(
        10,
        "the row's message",
        () ->
            root.lookupAll(".task-message").stream()
                .anyMatch(m -> ((Label) m).getText().startsWith("reading the folder")));
    Parent panel = (Parent) root.lookup("#jobsPanel");
    AtomicInteger layouts = WaitForAsyncUtils.asyncFx(() -> UiFixtures.layoutRequests(panel)).get();

    Thread.sleep(1000);

    // the indeterminate bar's animation laid the panel out at every pulse (about 60 a second)
    assertTrue(layouts.get() <= 5, "jobs panel layouts in a second: " + layouts.get());
    ProgressBar bar = (ProgressBar) root.lookup("#jobsPanel .progress-bar");
    assertFalse(bar.isIndeterminate());
    release.countDown();
  }

  /** The cancel button of the jobs panel's row titled {@code prefix}..., or null. */
  private Node cancelButtonOf(String prefix) {
    for (Node title : root.lookupAll(".task-title")) {
      String text = ((Label) title).getText();
      if (text == null || !text.startsWith(prefix)) {
        continue;
      }
      for (Parent p = title.getParent(); p != null; p = p.getParent()) {
        Node button = p.lookup(".task-cancel-button");
        if (button != null) {
          return button;
        }
      }
    }
    return null;
  }

  private void text(String id, String value) {
    ((TextField) root.lookup(id)).setText(value);
  }
}
