package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFolderLinksTest {
  @TempDir Path dir;

  private static void image(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
  }

  private static long count(DatasetIndex index, String className) {
    int label = index.classNames().indexOf(className);
    return index.files().stream().filter(f -> f.label() == label).count();
  }

  @Test
  void aClassFolderThatIsASymbolicLinkIsFollowed() throws Exception {
    Path data = dir.resolve("data");
    image(data.resolve("A").resolve("a1.png"));
    image(dir.resolve("elsewhere").resolve("b1.png"));
    image(dir.resolve("elsewhere").resolve("b2.png"));
    Files.createSymbolicLink(data.resolve("B"), dir.resolve("elsewhere"));

    DatasetIndex index = DatasetScanner.scan(data);

    assertEquals(List.of("A", "B"), index.classNames());
    assertEquals(2, count(index, "B"));
    assertTrue(index.problems().isEmpty(), index.problems().toString());
  }

  @Test
  void imageFilesThatAreLinksAreReadAndBrokenLinksAreReported() throws Exception {
    Path data = dir.resolve("data");
    image(data.resolve("A").resolve("a1.png"));
    image(dir.resolve("photo.png"));
    Files.createSymbolicLink(data.resolve("A").resolve("a2.png"), dir.resolve("photo.png"));
    Files.createSymbolicLink(data.resolve("A").resolve("a3.png"), dir.resolve("gone.png"));

    DatasetIndex index = DatasetScanner.scan(data);

    assertEquals(2, count(index, "A"));
    assertEquals(1, index.problems().size(), index.problems().toString());
    assertTrue(index.problems().get(0).file().endsWith("a3.png"));
    assertTrue(index.problems().get(0).reason().contains("broken symbolic link"));
  }

  @Test
  void aLinkLoopIsReportedOnceAndNotFollowed() throws Exception {
    Path data = dir.resolve("data");
    image(data.resolve("A").resolve("a1.png"));
    image(data.resolve("B").resolve("b1.png"));
    Files.createSymbolicLink(data.resolve("A").resolve("self"), data.resolve("A"));
    Files.createSymbolicLink(data.resolve("A").resolve("up"), data);

    DatasetIndex index = DatasetScanner.scan(data);

    assertEquals(List.of("A", "B"), index.classNames());
    assertEquals(1, count(index, "A"), "B's images must not be counted under A through 'up'");
    assertEquals(1, count(index, "B"));
    assertEquals(2, index.problems().size(), index.problems().toString());
    for (UnreadableFile problem : index.problems()) {
      assertTrue(problem.reason().contains("loop"), problem.toString());
    }
  }

  @Test
  void aClassFolderLinkingToTheDataSetItselfIsALoopNotAnEmptyClass() throws Exception {
    Path data = dir.resolve("data");
    image(data.resolve("A").resolve("a1.png"));
    Files.createSymbolicLink(data.resolve("Z"), data);

    DatasetIndex index = DatasetScanner.scan(data);

    assertEquals(List.of("A"), index.classNames());
    assertEquals(1, index.problems().size(), index.problems().toString());
    assertTrue(index.problems().get(0).reason().contains("loop"));
  }
}
