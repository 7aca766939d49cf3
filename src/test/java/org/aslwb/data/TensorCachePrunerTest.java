package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorCachePrunerTest {
  private static Path cacheFile(Path dir, char digit, int bytes, long usedMillis) throws Exception {
    Path p = dir.resolve(String.valueOf(digit).repeat(32) + ".bin");
    Files.write(p, new byte[bytes]);
    Files.setLastModifiedTime(p, FileTime.fromMillis(usedMillis));
    return p;
  }

  @Test
  void theLeastRecentlyUsedFilesGoUntilTheFolderFitsTheLimit(@TempDir Path dir) throws Exception {
    Path oldest = cacheFile(dir, 'a', 400, 1_000);
    Path older = cacheFile(dir, 'b', 400, 2_000);
    Path recent = cacheFile(dir, 'c', 400, 3_000);
    Path justWritten = cacheFile(dir, 'd', 400, 4_000);
    Path notOurs = dir.resolve("photos.bin");
    Files.write(notOurs, new byte[5_000]);

    List<Path> deleted = TensorCachePruner.prune(dir, justWritten, 900);

    assertEquals(List.of(oldest, older), deleted);
    assertTrue(Files.exists(recent));
    assertTrue(Files.exists(justWritten));
    assertTrue(Files.exists(notOurs), "only files named as the cache names them are deleted");
  }

  @Test
  void theFileJustWrittenStaysEvenWhenItAloneIsOverTheLimit(@TempDir Path dir) throws Exception {
    Path other = cacheFile(dir, 'e', 100, 5_000);
    Path big = cacheFile(dir, 'f', 2_000, 1_000);
    assertEquals(List.of(other), TensorCachePruner.prune(dir, big, 1_000));
    assertTrue(Files.exists(big));
  }

  @Test
  void aLookUpMarksItsFileAsJustUsed(@TempDir Path dir) throws Exception {
    Path p = cacheFile(dir, '1', 10, 1_000);
    TensorCachePruner.touch(p);
    assertTrue(Files.getLastModifiedTime(p).toMillis() > 1_000_000);
  }

  @Test
  void sizesAreReadWithUnitsAndBadOnesNameTheSetting() {
    assertEquals(20L << 30, ByteSize.parse("20g", "X"));
    assertEquals(512L << 10, ByteSize.parse(" 512K ", "X"));
    assertEquals(123, ByteSize.parse("123", "X"));
    var e = assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("lots", "X"));
    assertTrue(e.getMessage().startsWith("X=lots"), e.getMessage());
    assertFalse(
        assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("-3g", "X"))
            .getMessage()
            .isEmpty());
  }
}
