package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.aslwb.task.Cancellation;
import org.aslwb.task.ProgressListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorCacheIntegrityTest {
  @TempDir Path dir;
  private Path data;
  private Path cacheDir;

  @BeforeEach
  void writeData() throws Exception {
    data = dir.resolve("data");
    cacheDir = dir.resolve("cache");
    SyntheticDataset.write(data, 2, 32, 1, ProgressListener.NONE, Cancellation.none());
  }

  private LoadedDataset load(TensorCache cache, List<String> messages) throws Exception {
    return new DatasetLoader(new ImageDecoder(), cache, 2)
        .load(
            DatasetScanner.scan(data),
            16,
            16,
            3,
            (done, total, message) -> messages.add(message),
            Cancellation.none());
  }

  private Path onlyCacheFile() throws Exception {
    try (Stream<Path> files = Files.list(cacheDir)) {
      List<Path> all = files.toList();
      assertEquals(1, all.size(), all.toString());
      return all.get(0);
    }
  }

  private static void assertSamePixels(LoadedDataset expected, LoadedDataset actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.image(i), actual.image(i), "image " + i);
    }
  }

  /** Loads once (writing the cache file), then damages the file's bytes; returns the first load. */
  private LoadedDataset loadThenDamage(TensorCache cache, Consumer<byte[]> damage)
      throws Exception {
    LoadedDataset fresh = load(cache, new ArrayList<>());
    Path file = onlyCacheFile();
    byte[] bytes = Files.readAllBytes(file);
    damage.accept(bytes);
    Files.write(file, bytes);
    return fresh;
  }

  @Test
  void oneFlippedBitInTheMiddleIsDetectedReportedAndRepaired() throws Exception {
    TensorCache cache = new TensorCache(cacheDir);
    LoadedDataset fresh = loadThenDamage(cache, bytes -> bytes[bytes.length / 2] ^= 0x10);

    List<String> messages = new ArrayList<>();
    LoadedDataset reloaded = load(cache, messages);

    assertSamePixels(fresh, reloaded);
    assertTrue(
        messages.stream().anyMatch(m -> m.contains("damaged") && m.contains("rebuilding")),
        messages.toString());
    List<String> third = new ArrayList<>();
    assertSamePixels(fresh, load(cache, third));
    assertTrue(third.contains("loaded from cache"), "the file was rewritten: " + third);
  }

  @Test
  void aHeaderClaimingHugeCountsIsRefusedWithoutAllocating() throws Exception {
    TensorCache cache = new TensorCache(cacheDir);
    // the payload length field (bytes 16..23): a file claiming 2^62 bytes of payload
    LoadedDataset fresh = loadThenDamage(cache, bytes -> bytes[16] = 0x40);

    List<String> messages = new ArrayList<>();
    assertSamePixels(fresh, load(cache, messages));
    assertTrue(messages.stream().anyMatch(m -> m.contains("damaged")), messages.toString());
  }

  @Test
  void anotherVersionOfTheDecoderOrResizerNeverReusesCachedTensors() throws Exception {
    DatasetIndex index = DatasetScanner.scan(data);
    Preprocessing geometry = Preprocessing.rgb(16);
    assertNotEquals(
        TensorCache.fingerprint(index, geometry, "decoder 1, resampler 1"),
        TensorCache.fingerprint(index, geometry, "decoder 1, resampler 2"));

    load(new TensorCache(cacheDir, "old resizer"), new ArrayList<>());
    List<String> messages = new ArrayList<>();
    load(new TensorCache(cacheDir, "new resizer"), messages);

    assertTrue(messages.contains("decoding images"), messages.toString());
    assertTrue(!messages.contains("loaded from cache"), messages.toString());
  }
}
