package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathProblemTest {
  @TempDir Path dir;

  @Test
  void aMissingImageDoesNotExist() {
    UnreadableImageException e =
        assertThrows(
            UnreadableImageException.class,
            () -> new ImageDecoder().decode(dir.resolve("nope.jpg")));
    assertEquals("does not exist", e.reason());
  }

  @Test
  void aFolderGivenAsAnImageIsAFolder() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("photos.jpg"));
    UnreadableImageException e =
        assertThrows(UnreadableImageException.class, () -> new ImageDecoder().decode(folder));
    assertTrue(e.reason().startsWith("is a folder"), e.reason());
  }

  @Test
  void aMissingDataFolderDoesNotExistAndAFileIsNotAFolder() throws Exception {
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class, () -> DatasetScanner.scan(dir.resolve("nowhere")));
    assertTrue(missing.getMessage().endsWith("nowhere: does not exist"), missing.getMessage());

    Path file = Files.writeString(dir.resolve("data.txt"), "x");
    IllegalArgumentException notFolder =
        assertThrows(IllegalArgumentException.class, () -> DatasetScanner.scan(file));
    assertTrue(
        notFolder.getMessage().endsWith("data.txt: is a file, not a folder"),
        notFolder.getMessage());
  }

  @Test
  void aFileNameThatIsNotUtf8IsSaidToBeSo() throws Exception {
    assumeTrue(
        System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"),
        "file names are raw bytes only on Linux");
    Path classFolder = Files.createDirectories(dir.resolve("A"));
    ImageIO.write(
        new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB),
        "png",
        classFolder.resolve("good.png").toFile());
    // Java cannot spell an invalid UTF-8 name; the shell can (byte 0xFF)
    Process p =
        new ProcessBuilder("sh", "-c", "cp good.png \"$(printf 'bad\\377.png')\"")
            .directory(classFolder.toFile())
            .inheritIO()
            .start();
    assertEquals(0, p.waitFor());
    Path badName;
    try (Stream<Path> files = Files.list(classFolder)) {
      List<Path> bad = files.filter(f -> f.toString().contains("bad")).toList();
      assertEquals(1, bad.size());
      badName = bad.get(0);
    }

    LoadedDataset data =
        new DatasetLoader(new ImageDecoder(), TensorCache.disabled(), 1).load(dir, 16, 16, 3);

    assertEquals(1, data.size());
    assertEquals(1, data.unreadable().size(), data.unreadable().toString());
    assertTrue(
        data.unreadable().get(0).reason().startsWith("name is not valid UTF-8"),
        data.unreadable().get(0).reason());
    assertTrue(PathProblem.ofFile(badName).orElseThrow().startsWith("name is not valid UTF-8"));
  }
}
