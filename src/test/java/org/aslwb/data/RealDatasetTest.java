package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("realdata")
class RealDatasetTest {
  static final Path ASL = Path.of("..", "shared", "datasets", "asl-alphabet-5800");

  @Test
  void theAslSubsetHas29ClassesOf200Images() throws Exception {
    assumeTrue(Files.isDirectory(ASL), "skipped: " + ASL.toAbsolutePath() + " is absent");
    DatasetIndex index = DatasetScanner.scan(ASL);
    assertEquals(29, index.classNames().size());
    for (int count : index.countsPerClass()) {
      assertEquals(200, count);
    }
    assertEquals("space", index.classNames().get(28));
  }
}
