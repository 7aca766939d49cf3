package org.aslwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.aslwb.TinyModels;
import org.aslwb.data.ImageDecoder;
import org.aslwb.data.LoadedDataset;
import org.aslwb.data.SyntheticDataset;
import org.aslwb.explain.ExplainInput;
import org.aslwb.explain.Explanation;
import org.aslwb.explain.LimeExplainer;
import org.aslwb.explain.LimeSettings;
import org.aslwb.explain.OutputSpace;
import org.aslwb.model.ModelStore;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo opens on an image whose explanation by the bundled model carries information. */
class DemoOpeningImageTest {
  @TempDir Path dir;

  @Test
  void theDemoDataOpensOnItsChosenSampleAndOtherDataOnItsFirstImage() throws Exception {
    SyntheticDataset.write(
        dir, 2, 48, SyntheticDataset.DEFAULT_SEED, ProgressListener.NONE, Cancellation.none());
    LoadedDataset data = TinyModels.load(dir);
    assertTrue(
        MainViewModel.openingImage(data, true).endsWith(DemoAssets.EXPLAIN_SAMPLE),
        MainViewModel.openingImage(data, true).toString());
    assertEquals(data.samples().get(0).file(), MainViewModel.openingImage(data, false));
  }

  @Test
  void theBundledModelExplainsTheOpeningImagesProbabilityWithWeightsThatCarryInformation()
      throws Exception {
    // the gallery's copy: the demo data is drawn with the same seed, so it is the same picture
    Path image = DemoAssets.sampleImages().resolve(DemoAssets.EXPLAIN_SAMPLE);
    var model = ModelStore.load(DemoAssets.model());
    Explanation e =
        new LimeExplainer()
            .explain(
                model.classifier(),
                ExplainInput.fromPhoto(new ImageDecoder().decode(image)),
                LimeSettings.defaults(),
                OutputSpace.parseOrAuto("auto"),
                ProgressListener.NONE,
                Cancellation.none());
    assertEquals("B", e.top().className());
    assertEquals(OutputSpace.PROBABILITY, e.outputSpace(), "auto kept the probability");
    assertFalse(e.top().informativeness().saturated());
    assertTrue(
        e.top().informativeness().topWeightFraction() > 0.10,
        "top weight " + e.top().informativeness().topWeightFraction() + " of the range");
  }
}
