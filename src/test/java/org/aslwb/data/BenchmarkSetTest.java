package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkSetTest {
  @TempDir Path dir;

  @Test
  void photosAreRepeatedUnderNewNamesUntilTheSetHoldsNImagesBuiltOnce() throws Exception {
    Path photos = dir.resolve("photos");
    SyntheticDataset.write(photos, 2, 32, 1, ProgressListener.NONE, Cancellation.none());
    Path work = dir.resolve("work");
    Path set = BenchmarkSet.build(work, 100, photos, ProgressListener.NONE, Cancellation.none());

    DatasetIndex index = DatasetScanner.scan(set);
    assertEquals(100, index.files().size());
    assertEquals(DatasetScanner.scan(photos).classNames(), index.classNames());
    Set<String> names = new HashSet<>();
    for (LabeledFile f : index.files()) {
      assertTrue(names.add(f.file().getFileName().toString()), "unique name " + f.file());
      // no name looks like a Kaggle frame number, so no split mistakes repeats for frame runs
      assertTrue(f.file().getFileName().toString().contains("_r"), f.file().toString());
    }
    long modified = Files.getLastModifiedTime(set.resolve(".complete")).toMillis();
    assertEquals(
        set, BenchmarkSet.build(work, 100, photos, ProgressListener.NONE, Cancellation.none()));
    assertEquals(modified, Files.getLastModifiedTime(set.resolve(".complete")).toMillis());
    assertEquals(
        100,
        new DatasetLoader(new ImageDecoder(), TensorCache.disabled(), 2)
            .load(set, 16, 16, 3)
            .size());
  }

  @Test
  void fewerImagesThanClassesAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> BenchmarkSet.build(dir, 5, dir, ProgressListener.NONE, Cancellation.none()));
  }
}
