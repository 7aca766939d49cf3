package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {
  @TempDir Path dir;

  @Test
  void loadsAFolderPerClassSkippingBadFilesAndEmptyClassesWithReasons() throws Exception {
    SyntheticDataset.write(dir, 3, 32, 1, ProgressListener.NONE, Cancellation.none());
    Files.writeString(dir.resolve("A").resolve("broken.jpg"), "not a jpeg");
    Files.createDirectories(dir.resolve("zzz_empty"));
    LoadedDataset data =
        new DatasetLoader(new ImageDecoder(), TensorCache.disabled(), 2).load(dir, 16, 16, 3);
    assertEquals(29, data.classNames().size());
    assertEquals(List.of("A", "B", "C"), data.classNames().subList(0, 3));
    assertEquals(87, data.size());
    assertTrue(
        data.unreadable().stream()
            .anyMatch(u -> u.file().endsWith("broken.jpg") && u.reason().contains("not an image")));
    assertTrue(data.unreadable().stream().anyMatch(u -> u.reason().contains("empty class folder")));
  }

  @Test
  void theCacheReturnsTheSameTensorsAndNoticesChangedFiles() throws Exception {
    SyntheticDataset.write(dir.resolve("d"), 2, 32, 1, ProgressListener.NONE, Cancellation.none());
    TensorCache cache = new TensorCache(dir.resolve("cache"));
    DatasetLoader loader = new DatasetLoader(new ImageDecoder(), cache, 2);
    LoadedDataset first = loader.load(dir.resolve("d"), 16, 16, 3);
    LoadedDataset second = loader.load(dir.resolve("d"), 16, 16, 3);
    assertEquals(first.size(), second.size());
    for (int i = 0; i < first.size(); i++) {
      assertEquals(first.image(i), second.image(i));
    }
    Files.writeString(dir.resolve("d").resolve("A").resolve("A_synthetic_1.png"), "now broken");
    assertEquals(first.size() - 1, loader.load(dir.resolve("d"), 16, 16, 3).size());
  }

  @Test
  void flatTestLayoutTakesClassesFromFileNames() throws Exception {
    var renderer = new SyntheticHandRenderer(32);
    var poses = HandPose.alphabet();
    for (int i = 0; i < 3; i++) {
      javax.imageio.ImageIO.write(
          renderer.render(poses.get(i), new java.util.Random(i)),
          "jpg",
          dir.resolve(poses.get(i).className() + "_test.jpg").toFile());
    }
    DatasetIndex index = DatasetScanner.scan(dir);
    assertEquals(DatasetIndex.Layout.FLAT_TEST, index.layout());
    assertEquals(List.of("A", "B", "C"), index.classNames());
  }

  @Test
  void syntheticDataIsReproducibleFromItsSeed() {
    var renderer = new SyntheticHandRenderer(48);
    var pose = HandPose.alphabet().get(11);
    var a = renderer.render(pose, SyntheticDataset.randomFor(7, 11, 3));
    var b = renderer.render(pose, SyntheticDataset.randomFor(7, 11, 3));
    assertEquals(
        java.util.Arrays.toString(a.getRGB(0, 0, 48, 48, null, 0, 48)),
        java.util.Arrays.toString(b.getRGB(0, 0, 48, 48, null, 0, 48)));
  }
}
