package org.aslwb.ui.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.aslwb.TinyModels;
import org.aslwb.attack.AttackFrames;
import org.aslwb.data.ImageDecoder;
import org.aslwb.data.PixelImage;
import org.aslwb.explain.ExplainInput;
import org.aslwb.model.Architecture;
import org.aslwb.model.NetworkShape;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.JobService;
import org.aslwb.ui.UiFixtures;
import org.aslwb.ui.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Attack tab on real job threads with full DarkNet-53 at 64 px. */
@ExtendWith(ApplicationExtension.class)
class AttackDragTest {
  private static TrainedModel darknet;
  private JobService jobs;
  private Workspace workspace;
  private Parent root;
  private final AtomicLong framesComputed = new AtomicLong();

  @BeforeAll
  static void buildTheNetworks() throws Exception {
    TinyModels.trainedCnn();
    darknet =
        TrainedModel.untrained(
            Architecture.DARKNET53, new NetworkShape(29, 64, 64, 3, 1.0), letters(), 7);
  }

  @Start
  void start(Stage stage) throws Exception {
    jobs = JobService.withWorkers(2);
    workspace = UiFixtures.showWindowWithRealJobs(stage, jobs);
    root = stage.getScene().getRoot();
    UiFixtures.select(root, "Attack");
    jobs.onSubmit(
        j -> {
          if (j.name().equals("attack frame")) {
            framesComputed.incrementAndGet();
          }
        });
  }

  @AfterEach
  void stopJobs() {
    jobs.close();
  }

  private void open(TrainedModel model) throws Exception {
    var image = UiFixtures.firstImageOf("C");
    PixelImage photo = ExplainInput.fromPhoto(new ImageDecoder().decode(image));
    Platform.runLater(
        () -> {
          workspace.modelProperty().set(model);
          workspace.imageNameProperty().set(image.getFileName().toString());
          workspace.photoProperty().set(photo);
        });
  }

  @Test
  void aDragOfFiftyEventsComputesAFewFramesAndShowsTheLast(FxRobot robot) throws Exception {
    open(darknet);
    UiFixtures.waitFor(
        300, "the first DarkNet-53 frame", () -> workspace.adversarialProperty().get() != null);
    Slider slider = robot.lookup("#epsilonSlider").queryAs(Slider.class);
    long computedBefore = framesComputed.get();
    double last = 0;
    for (int i = 1; i <= 50; i++) {
      double eps = 0.03 + 0.004 * i;
      last = eps;
      // a brisk drag: the events arrive faster than DarkNet-53 computes a frame (the count
      // below does not depend on how loaded the machine is)
      Platform.runLater(
          () -> {
            slider.setValueChanging(true);
            slider.setValue(eps);
          });
    }
    Platform.runLater(() -> slider.setValueChanging(false));
    double finalEps = last;
    UiFixtures.waitFor(
        300,
        "the frame of the last event",
        () ->
            workspace
                .adversarialSourceProperty()
                .get()
                .startsWith(String.format("FGSM at eps %.3f", finalEps)));
    Thread.sleep(500); // nothing else comes after it
    long computed = framesComputed.get() - computedBefore;
    assertTrue(computed >= 1 && computed <= 4, computed + " of 50 frames computed");

    // the frame shown is the one of the last epsilon, as the app's own pipeline computes it
    var classifier = darknet.classifier();
    var prepared = AttackFrames.prepare(classifier, workspace.photoProperty().get(), -1);
    PixelImage expected = AttackFrames.fgsm(classifier, prepared, finalEps).adversarial();
    assertEquals(expected, workspace.adversarialProperty().get());
  }

  @Test
  void switchingTheModelNeverShowsTheOldModelsFrames(FxRobot robot) throws Exception {
    TrainedModel cnn = TinyModels.model(); // 32 px; DarkNet-53 here is 64 px
    open(cnn);
    UiFixtures.waitFor(60, "a CNN frame", () -> workspace.adversarialProperty().get() != null);
    Slider slider = robot.lookup("#epsilonSlider").queryAs(Slider.class);
    List<Integer> widthsAfterSwitch = new ArrayList<>();
    List<String> cleanAfterSwitch = new ArrayList<>();
    Platform.runLater(
        () -> {
          // CNN frames in flight...
          for (int i = 1; i <= 10; i++) {
            slider.setValue(0.01 * i);
          }
          // ...then the switch, and more slider events before the new gradient exists
          workspace.modelProperty().set(darknet);
          cleanAfterSwitch.add(String.valueOf(cleanImage().getImage()));
          workspace
              .adversarialProperty()
              .addListener((o, a, adv) -> widthsAfterSwitch.add(adv == null ? -1 : adv.width()));
          widthsAfterSwitch.add(
              workspace.adversarialProperty().get() == null
                  ? -1
                  : workspace.adversarialProperty().get().width());
          slider.setValue(0.2);
          slider.setValue(0.25);
        });
    UiFixtures.waitFor(
        300,
        "a DarkNet-53 frame",
        () ->
            workspace.adversarialProperty().get() != null
                && workspace.adversarialProperty().get().width() == 64);
    Thread.sleep(500);
    assertEquals("null", cleanAfterSwitch.get(0), "the clean image is cleared at the switch");
    assertEquals(-1, widthsAfterSwitch.get(0), "the old adversarial image is cleared at once");
    for (int w : widthsAfterSwitch) {
      assertTrue(w == -1 || w == 64, "a 32 px CNN frame after the switch: " + widthsAfterSwitch);
    }
    assertNotNull(cleanImage().getImage());
    assertEquals(64, (int) cleanImage().getImage().getWidth());
  }

  private ImageView cleanImage() {
    return (ImageView) root.lookup("#cleanImage");
  }

  /** The 29 class names of the ASL alphabet folders. */
  private static List<String> letters() {
    List<String> names = new ArrayList<>();
    for (char c = 'A'; c <= 'Z'; c++) {
      names.add(String.valueOf(c));
    }
    names.addAll(List.of("del", "nothing", "space"));
    return names;
  }
}
