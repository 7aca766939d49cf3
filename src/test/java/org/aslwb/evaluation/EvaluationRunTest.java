package org.aslwb.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.aslwb.TinyModels;
import org.aslwb.data.DatasetLoader;
import org.aslwb.data.DatasetScanner;
import org.aslwb.data.ImageDecoder;
import org.aslwb.data.TensorCache;
import org.aslwb.model.ExternalTest;
import org.aslwb.model.ModelStore;
import org.aslwb.model.TemperatureScaledClassifier;
import org.aslwb.model.TemperatureScaling;
import org.aslwb.model.TrainedModel;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationRunTest {
  @TempDir Path dir;

  private final DatasetLoader loader =
      new DatasetLoader(new ImageDecoder(), TensorCache.disabled(), 2);

  private Path modelCopy() throws Exception {
    return Files.copy(TinyModels.trainedCnn(), dir.resolve("model.aslwb"));
  }

  /** Three classes of the tiny data set in lower case, and a digit and a gesture folder. */
  private Path otherPeoplesPhotos() throws Exception {
    Path other = dir.resolve("other");
    for (String folder : new String[] {"a", "b", "l", "7", "thumbs_up"}) {
      String from =
          folder.length() == 1 && Character.isLetter(folder.charAt(0))
              ? folder.toUpperCase(Locale.ROOT)
              : "A";
      Files.createDirectories(other.resolve(folder));
      try (var files = Files.list(TinyModels.data().resolve(from))) {
        for (Path f : files.limit(5).toList()) {
          Files.copy(f, other.resolve(folder).resolve(f.getFileName()));
        }
      }
    }
    return other;
  }

  private EvaluationRun.Result run(TrainedModel model, Path modelFile, Path data, boolean all)
      throws Exception {
    return new EvaluationRun(loader)
        .run(
            model,
            modelFile,
            DatasetScanner.scan(data),
            null,
            all,
            ProgressListener.NONE,
            Cancellation.none());
  }

  @Test
  void theTrainingDataIsScoredOnItsValidationSplitAndLabelledVal() throws Exception {
    Path file = modelCopy();
    TrainedModel model = ModelStore.load(file);
    EvaluationRun.Result r = run(model, file, TinyModels.data(), false);
    assertEquals("val", r.evaluation().split());
    assertEquals("random", r.evaluation().splitMethod()); // synthetic names carry no frame numbers
    assertEquals(29 * 4, r.evaluation().samples().size()); // 20% of 20 per class
    assertNull(r.recorded());
    assertTrue(ModelStore.readMetadata(file).externalTestsOrEmpty().isEmpty());
    assertEquals("all", run(model, file, TinyModels.data(), true).evaluation().split());
  }

  @Test
  void otherDataIsLabelledExternalMatchedInAnyCaseAndKeptWithTheModel() throws Exception {
    Path file = modelCopy();
    byte[] before = Files.readAllBytes(file);
    TrainedModel model = ModelStore.load(file);
    Path other = otherPeoplesPhotos();
    EvaluationRun.Result r = run(model, file, other, false);
    assertEquals("external", r.evaluation().split());
    assertEquals(List.of("A", "B", "L"), r.data().classNames());
    assertEquals(15, r.evaluation().samples().size());
    assertEquals(2, r.skippedFolders().size(), r.skippedFolders().toString());
    assertTrue(r.skippedFolders().get(0).startsWith("7: not a model class"));
    assertTrue(r.skippedFolders().get(1).startsWith("thumbs_up: not a model class"));

    List<ExternalTest> kept = ModelStore.readMetadata(file).externalTestsOrEmpty();
    assertEquals(1, kept.size());
    ExternalTest t = kept.get(0);
    assertEquals("external", t.split());
    assertEquals(other.toString(), t.dataFolder());
    assertEquals(15, t.images());
    assertEquals(r.evaluation().accuracy(), t.accuracy(), 1e-12);
    assertEquals(r.skippedFolders(), t.skippedFolders());
    assertNotEquals(model.metadata().dataFingerprint(), t.dataFingerprint());
    // the rest of the file is what it was: same network, same history, same creation time
    TrainedModel reloaded = ModelStore.load(file);
    assertEquals(model.metadata().createdAt(), reloaded.metadata().createdAt());
    assertEquals(model.metadata().history(), reloaded.metadata().history());
    assertTrue(Files.readAllBytes(file).length > before.length / 2);
    assertArrayEquals(
        model.network().params().data().asFloat(), reloaded.network().params().data().asFloat());
  }

  @Test
  void aFolderWithTheSameClassesButAnotherFingerprintIsExternalNotVal() throws Exception {
    Path file = modelCopy();
    Path copy = dir.resolve("same-classes");
    for (String c : ModelStore.readMetadata(file).classNames()) {
      Files.createDirectories(copy.resolve(c));
      try (var files = Files.list(TinyModels.data().resolve(c))) {
        for (Path f : files.limit(3).toList()) {
          Files.copy(f, copy.resolve(c).resolve(f.getFileName()));
        }
      }
    }
    EvaluationRun.Result r = run(ModelStore.load(file), null, copy, false);
    assertEquals("external", r.evaluation().split());
    assertEquals(29 * 3, r.evaluation().samples().size());
    assertNull(r.recorded()); // no model file given: nothing kept
  }

  @Test
  void aFittedTemperatureIsKeptInTheFileAndScalesWhatTheModelReports() throws Exception {
    Path file = modelCopy();
    TrainedModel model = ModelStore.load(file);
    TemperatureScaling t =
        new ModelCalibrator(loader)
            .calibrate(
                model,
                file,
                DatasetScanner.scan(TinyModels.data()),
                ProgressListener.NONE,
                Cancellation.none());
    assertEquals("val", t.split());
    assertEquals(29 * 4, t.images());
    assertTrue(t.nllAfter() <= t.nllBefore(), t.toString());
    TrainedModel calibrated = ModelStore.load(file);
    assertEquals(t, calibrated.metadata().calibration());
    assertTrue(calibrated.classifier() instanceof TemperatureScaledClassifier);
    EvaluationRun.Result r = run(calibrated, file, TinyModels.data(), false);
    assertEquals(t.temperature(), r.evaluation().temperature(), 0);
    assertEquals(t.eceBefore(), r.evaluation().rawCalibration().ece(), 1e-6);
    assertEquals(t.eceAfter(), r.evaluation().calibration().ece(), 1e-6);
  }

  @Test
  void calibratingOnDataTheModelDidNotTrainOnIsRefused() throws Exception {
    Path file = modelCopy();
    Path other = otherPeoplesPhotos();
    TemperatureScaling fittedInTraining = ModelStore.readMetadata(file).calibration();
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ModelCalibrator(loader)
                    .calibrate(
                        ModelStore.load(file),
                        file,
                        DatasetScanner.scan(other),
                        ProgressListener.NONE,
                        Cancellation.none()));
    assertTrue(e.getMessage().contains("is not the data"), e.getMessage());
    assertEquals(fittedInTraining, ModelStore.readMetadata(file).calibration());
  }
}
