package org.aslwb.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aslwb.TinyModels;
import org.aslwb.data.Augmentation;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.SplitMethod;
import org.aslwb.data.SyntheticDataset;
import org.aslwb.model.Architecture;
import org.aslwb.model.EpochMetrics;
import org.aslwb.model.ModelFileException;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrainerTest {
  @TempDir static Path dir;
  static LoadedDataset data;

  @BeforeAll
  static void data() throws Exception {
    SyntheticDataset.write(
        dir.resolve("data"), 6, 48, 11, ProgressListener.NONE, Cancellation.none());
    data = TinyModels.load(dir.resolve("data"));
  }

  private static TrainingConfig config(Architecture a, int epochs, int maxBatches) {
    return new TrainingConfig(
        a,
        0.25,
        32,
        epochs,
        16,
        1e-3,
        LearningRateSchedule.constant(),
        new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0, 0),
        0.2,
        SplitMethod.AUTO,
        Augmentation.standard(),
        0.0,
        9,
        maxBatches);
  }

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void twoBatchesOfTrainingProduceASavedModelWithHistory(Architecture a) throws Exception {
    Path out = dir.resolve(a.id() + ".aslwb");
    TrainingResult r =
        new Trainer()
            .train(
                data, config(a, 1, 2), out, false, new TrainingListener() {}, Cancellation.none());
    assertEquals(1, r.epochsRun());
    assertTrue(Double.isFinite(r.history().get(0).trainLoss()));
    TrainedModel loaded = ModelStore.load(out);
    assertEquals(data.classNames(), loaded.metadata().classNames());
    assertEquals(1, loaded.metadata().history().size());
    assertTrue(Files.isRegularFile(Trainer.checkpointOf(out)));
    // synthetic names carry no frame numbers: the default split fell back to random, and says so
    assertEquals("random", r.splitMethod());
    assertEquals("random", loaded.metadata().validationSplitMethod());
    assertEquals("val", loaded.metadata().calibration().split());
    assertEquals(r.calibration(), loaded.metadata().calibration());
  }

  @Test
  void savedAndLoadedModelsGiveIdenticalOutputs() throws Exception {
    TrainedModel model = TinyModels.model();
    Path copy = dir.resolve("copy.aslwb");
    ModelStore.save(model, copy);
    TrainedModel again = ModelStore.load(copy);
    var images = List.of(data.image(0), data.image(1));
    float[][] a = model.classifier().probabilities(images);
    float[][] b = again.classifier().probabilities(images);
    for (int i = 0; i < a.length; i++) {
      assertArrayEquals(a[i], b[i], 0f);
    }
  }

  @Test
  void aCancelledRunResumesAndItsCurvesContinue() throws Exception {
    Path out = dir.resolve("resume.aslwb");
    Cancellation cancel = new Cancellation();
    TrainingListener stopAfterTwoEpochs = cancelAfterEpoch(2, cancel);
    TrainingResult first =
        new Trainer()
            .train(data, config(Architecture.CNN, 4, 3), out, false, stopAfterTwoEpochs, cancel);
    assertEquals(TrainingResult.StopReason.CANCELLED, first.stopReason());
    assertEquals(2, first.epochsRun());
    TrainingResult resumed =
        new Trainer()
            .train(
                data,
                config(Architecture.CNN, 4, 3),
                out,
                true,
                new TrainingListener() {},
                Cancellation.none());
    assertEquals(4, resumed.epochsRun());
    assertEquals(first.history().get(1), resumed.history().get(1));
    assertEquals(List.of(1, 2, 3, 4), resumed.history().stream().map(EpochMetrics::epoch).toList());
  }

  @Test
  void aResumedRunGivesTheSameLossesAsAnUninterruptedOne() throws Exception {
    // augmentation and dropout on, so shuffles, augmentations and the dropout masks all matter
    TrainingConfig c = config(Architecture.CNN, 4, 3);
    List<EpochMetrics> straight =
        new Trainer()
            .train(
                data,
                c,
                dir.resolve("straight.aslwb"),
                false,
                new TrainingListener() {},
                Cancellation.none())
            .history();
    Path out = dir.resolve("interrupted.aslwb");
    Cancellation cancel = new Cancellation();
    new Trainer().train(data, c, out, false, cancelAfterEpoch(2, cancel), cancel);
    // resumed on another thread, as after a restart or from the GUI: ND4J's random state differs
    List<List<EpochMetrics>> resumed = new java.util.ArrayList<>();
    Thread other =
        new Thread(
            () -> {
              try {
                org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(System.nanoTime());
                resumed.add(
                    new Trainer()
                        .train(data, c, out, true, new TrainingListener() {}, Cancellation.none())
                        .history());
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    other.start();
    other.join();
    assertEquals(1, resumed.size(), "the resumed run failed");
    assertEquals(4, resumed.get(0).size());
    for (int i = 0; i < 4; i++) {
      EpochMetrics a = straight.get(i);
      EpochMetrics b = resumed.get(0).get(i);
      assertEquals(a.trainLoss(), b.trainLoss(), 1e-6, "train loss of epoch " + (i + 1));
      assertEquals(a.valLoss(), b.valLoss(), 1e-6, "val loss of epoch " + (i + 1));
      assertEquals(
          a.trainAccuracy(), b.trainAccuracy(), 1e-6, "train accuracy of epoch " + (i + 1));
      assertEquals(a.valAccuracy(), b.valAccuracy(), 1e-6, "val accuracy of epoch " + (i + 1));
    }
  }

  @Test
  void earlyStoppingKeepsTheBestEpoch() throws Exception {
    Path out = dir.resolve("early.aslwb");
    TrainingConfig c =
        new TrainingConfig(
            Architecture.CNN,
            1.0,
            32,
            30,
            16,
            5e-3,
            LearningRateSchedule.constant(),
            new EarlyStopping(EarlyStopping.Monitor.VAL_LOSS, 0.5, 1),
            0.2,
            SplitMethod.AUTO,
            Augmentation.none(),
            0.0,
            9,
            2);
    TrainingResult r =
        new Trainer().train(data, c, out, false, new TrainingListener() {}, Cancellation.none());
    assertEquals(TrainingResult.StopReason.EARLY_STOPPED, r.stopReason());
    assertTrue(r.epochsRun() < 30);
    assertEquals(r.bestEpoch(), ModelStore.load(out).metadata().bestEpoch());
  }

  @Test
  void foreignAndTruncatedModelFilesAreRefusedWithTheFileNamed() throws Exception {
    Path foreign = Files.writeString(dir.resolve("foreign.aslwb"), "hello");
    byte[] good = Files.readAllBytes(TinyModels.trainedCnn());
    Path truncated =
        Files.write(dir.resolve("truncated.aslwb"), java.util.Arrays.copyOf(good, good.length / 2));
    for (Path bad : List.of(foreign, truncated)) {
      ModelFileException e = assertThrows(ModelFileException.class, () -> ModelStore.load(bad));
      assertTrue(e.getMessage().contains(bad.getFileName().toString()), e.getMessage());
    }
  }

  @Test
  void aSingleClassIsRefused() throws Exception {
    Path one = dir.resolve("one");
    Files.createDirectories(one.resolve("A"));
    Files.copy(data.samples().get(0).file(), one.resolve("A").resolve("x.png"));
    LoadedDataset single = TinyModels.load(one);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Trainer()
                .train(
                    single,
                    config(Architecture.CNN, 1, 1),
                    dir.resolve("single.aslwb"),
                    false,
                    new TrainingListener() {},
                    Cancellation.none()));
  }

  @Test
  void aNanLossStopsTrainingWithAMessageAndKeepsTheBestModel() throws Exception {
    Path out = dir.resolve("nan.aslwb");
    Cancellation cancel = new Cancellation();
    TrainingListener stopAfterTwoEpochs = cancelAfterEpoch(2, cancel);
    new Trainer()
        .train(data, config(Architecture.CNN, 5, 3), out, false, stopAfterTwoEpochs, cancel);
    var bestWeights = ModelStore.load(out).network().params().dup();
    // a state on the edge of divergence: weights so large that the next forward pass overflows
    Path checkpoint = Trainer.checkpointOf(out);
    TrainedModel state = ModelStore.load(checkpoint);
    state.network().params().muli(1e30);
    ModelStore.save(state, checkpoint, true);

    List<String> messages = new java.util.ArrayList<>();
    TrainingListener recorder =
        new TrainingListener() {
          @Override
          public void onMessage(String message) {
            messages.add(message);
          }
        };
    TrainingResult r =
        new Trainer()
            .train(data, config(Architecture.CNN, 5, 3), out, true, recorder, Cancellation.none());
    assertEquals(TrainingResult.StopReason.DIVERGED, r.stopReason());
    assertEquals(2, r.epochsRun());
    // the temperature fitted on the kept model is reported after it
    String last =
        messages.stream()
            .filter(m -> m.startsWith("loss became"))
            .findFirst()
            .orElse(messages.toString());
    assertTrue(last.startsWith("loss became NaN in epoch 3, batch 1"), last);
    assertTrue(last.contains("the best model so far is kept"), last);
    assertEquals(bestWeights, ModelStore.load(out).network().params(), "the best weights are kept");
    float[] p = ModelStore.load(out).classifier().probabilities(data.image(0));
    for (float v : p) {
      assertTrue(Float.isFinite(v));
    }
  }

  @Test
  void aRunKilledWithSigkillResumesLosingAtMostTheEpochInProgress() throws Exception {
    Path out = dir.resolve("killed.aslwb");
    Path checkpoint = Trainer.checkpointOf(out);
    Process run = trainInAnotherJvm(out, false);
    try {
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (!hasEpochs(checkpoint, 2) && run.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(run.isAlive(), "the run ended before it could be killed");
      assertTrue(hasEpochs(checkpoint, 2), "no checkpoint with two epochs in time");
    } finally {
      run.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean-up
      run.waitFor();
    }
    List<EpochMetrics> before = ModelStore.load(checkpoint).metadata().history();
    assertTrue(
        before.size() >= 2 && before.size() < KILLED_RUN_EPOCHS,
        before.size() + " epochs before the kill");

    Process resumed = trainInAnotherJvm(out, true);
    String json = new String(resumed.getInputStream().readAllBytes());
    assertEquals(0, resumed.waitFor(), json);
    var history = ModelStore.json().readTree(json).get("history");
    assertEquals(KILLED_RUN_EPOCHS, history.size());
    for (int i = 0; i < KILLED_RUN_EPOCHS; i++) {
      assertEquals(i + 1, history.get(i).get("epoch").asInt());
    }
    for (int i = 0; i < before.size(); i++) {
      assertEquals(before.get(i).valLoss(), history.get(i).get("valLoss").asDouble(), 0);
    }
  }

  private static final int KILLED_RUN_EPOCHS = 20;

  private static boolean hasEpochs(Path checkpoint, int epochs) {
    try {
      return Files.isRegularFile(checkpoint)
          && ModelStore.load(checkpoint).metadata().history().size() >= epochs;
    } catch (IOException | RuntimeException e) {
      return false; // being replaced right now: the rename is atomic, so look again
    }
  }

  /** {@code aslwb train} on the test data in a child JVM (the test's classpath). */
  private static Process trainInAnotherJvm(Path out, boolean resume) throws IOException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "org.aslwb.cli.Aslwb",
                "train",
                "--data",
                dir.resolve("data").toString(),
                "--model",
                "cnn",
                "--width",
                "0.25",
                "--size",
                "32",
                "--epochs",
                Integer.toString(KILLED_RUN_EPOCHS),
                "--batch",
                "16",
                "--patience",
                "0",
                "--seed",
                "9",
                "--out",
                out.toString(),
                "--json"));
    if (resume) {
      command.add("--resume");
    }
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("ASLWB_CACHE", dir.resolve("cache").toString());
    return pb.start();
  }

  /** A listener that cancels the run once {@code epoch} has finished. */
  private static TrainingListener cancelAfterEpoch(int epoch, Cancellation cancel) {
    return new TrainingListener() {
      @Override
      public void onEpoch(EpochMetrics m, boolean improved) {
        if (m.epoch() == epoch) {
          cancel.cancel();
        }
      }
    };
  }
}
