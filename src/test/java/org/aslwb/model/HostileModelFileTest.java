package org.aslwb.model;

import static org.aslwb.ModelFileSurgery.DEMO_MODEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.aslwb.ModelFileSurgery;
import org.aslwb.cli.Aslwb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files from other people: refused before any hostile byte reaches DL4J or Java. */
class HostileModelFileTest {
  private static final String IMAGE = "sample-images/A/A_synthetic_1.png";

  @TempDir Path dir;

  @Test
  void deserialisationBombInPreprocessorEntryIsRefusedWithinFiveSeconds() throws Exception {
    Path bomb =
        ModelFileSurgery.editNetwork(
            DEMO_MODEL,
            dir.resolve("bomb.aslwb"),
            network -> network.put("preprocessor.bin", serialised(nestedSetBomb())));
    String error = predictFails(bomb);
    assertTrue(error.contains("preprocessor.bin"), error);
  }

  @Test
  void serialisedStringIsRefusedBeforeItIsDeserialised() throws Exception {
    Path file =
        ModelFileSurgery.editNetwork(
            DEMO_MODEL,
            dir.resolve("string.aslwb"),
            network -> network.put("preprocessor.bin", serialised("payload-marker")));
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelStore.load(file));
    assertTrue(e.getMessage().contains("unexpected entry 'preprocessor.bin'"), e.getMessage());
    assertFalse(e.getMessage().contains("cast"), e.getMessage());
  }

  @Test
  void unknownEntriesInEitherArchiveAreRefusedByName() throws Exception {
    Path normalizer =
        ModelFileSurgery.editNetwork(
            DEMO_MODEL,
            dir.resolve("normalizer.aslwb"),
            network -> network.put("normalizer.bin", new byte[] {1, 2, 3}));
    assertRefused(normalizer, "normalizer.bin");
    Path outer =
        ModelFileSurgery.edit(
            DEMO_MODEL,
            dir.resolve("outer.aslwb"),
            entries -> entries.put("../../evil.sh", "x".getBytes(StandardCharsets.UTF_8)));
    assertRefused(outer, "'../../evil.sh'");
    // the metadata-only read (model pickers, report headers) checks the names as well
    assertThrows(ModelFileException.class, () -> ModelStore.readMetadata(outer));
  }

  @Test
  void zipBombsAreRefusedWithoutUnpackingThem() throws Exception {
    Path metadataBomb = dir.resolve("metadata-bomb.aslwb");
    Files.write(metadataBomb, ModelFileSurgery.zeroBomb("model.json", 64L << 20));
    assertRefused(metadataBomb, "unpacks to more than");
    Path weightsBomb =
        ModelFileSurgery.edit(
            DEMO_MODEL,
            dir.resolve("weights-bomb.aslwb"),
            outer -> {
              try {
                outer.put("network.zip", ModelFileSurgery.zeroBomb("coefficients.bin", 64L << 20));
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    long before = usedHeap();
    assertRefused(weightsBomb, "zip bomb");
    assertTrue(usedHeap() - before < (128L << 20), "the bomb was not held in memory");
  }

  @Test
  void configurationNamingAClassOutsideDl4jIsRefused() throws Exception {
    Path file =
        ModelFileSurgery.editNetwork(
            DEMO_MODEL,
            dir.resolve("class.aslwb"),
            network -> {
              String json = new String(network.get("configuration.json"), StandardCharsets.UTF_8);
              String hostile =
                  json.replaceFirst(
                      "\"@class\"\\s*:\\s*\"org\\.nd4j\\.linalg\\.activations\\.impl\\.[A-Za-z]+\"",
                      "\"@class\" : \"com.example.Gadget\"");
              assertFalse(hostile.equals(json), "the fixture found an activation to replace");
              network.put("configuration.json", hostile.getBytes(StandardCharsets.UTF_8));
            });
    assertRefused(file, "'\"com.example.Gadget\"'");
  }

  @Test
  void forgedArrayLengthIsRefusedBeforeNd4jAllocates() throws Exception {
    Path file =
        ModelFileSurgery.editNetwork(
            DEMO_MODEL,
            dir.resolve("forged.aslwb"),
            network ->
                network.put("coefficients.bin", forgeDataLength(network.get("coefficients.bin"))));
    assertRefused(file, "coefficients.bin");
  }

  @Test
  void metadataDescribingAnotherInputSizeIsADamagedModelFile() throws Exception {
    Path file =
        ModelFileSurgery.edit(
            DEMO_MODEL,
            dir.resolve("size.aslwb"),
            outer -> {
              String json = new String(outer.get("model.json"), StandardCharsets.UTF_8);
              String resized = json.replaceAll("\"(width|height)\"\\s*:\\s*64", "\"$1\" : 48");
              assertFalse(resized.equals(json), "the fixture found the input size");
              outer.put("model.json", resized.getBytes(StandardCharsets.UTF_8));
            });
    assertRefused(file, "damaged model file");
    assertEquals(2, Aslwb.run("predict", "--model", file.toString(), IMAGE));
  }

  @Test
  void pathsThatAreNoModelFileSayWhatTheyAre() {
    ModelFileException folder = assertThrows(ModelFileException.class, () -> ModelStore.load(dir));
    assertTrue(folder.getMessage().endsWith("is a folder, not a model file"), folder.getMessage());
    ModelFileException missing =
        assertThrows(ModelFileException.class, () -> ModelStore.load(dir.resolve("none.aslwb")));
    assertTrue(missing.getMessage().endsWith("does not exist"), missing.getMessage());
  }

  @Test
  void theDemoModelStillLoads() throws Exception {
    assertEquals(29, ModelStore.load(DEMO_MODEL).metadata().classNames().size());
  }

  private static void assertRefused(Path file, String reason) {
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelStore.load(file));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(e.getMessage().startsWith(file.toString()), "names the file: " + e.getMessage());
  }

  private static String predictFails(Path model) {
    PrintStream err = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true));
    try {
      int code =
          assertTimeoutPreemptively(
              Duration.ofSeconds(5),
              () -> Aslwb.run("predict", "--model", model.toString(), IMAGE));
      assertEquals(2, code);
    } finally {
      System.setErr(err);
    }
    return buffer.toString();
  }

  /** The classic nested-HashSet bomb: 2^100 hash computations when read back. */
  private static Set<Object> nestedSetBomb() {
    Set<Object> root = new HashSet<>();
    Set<Object> s1 = root;
    Set<Object> s2 = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      Set<Object> t1 = new HashSet<>();
      Set<Object> t2 = new HashSet<>();
      t1.add("x");
      s1.add(t1);
      s1.add(t2);
      s2.add(t1);
      s2.add(t2);
      s1 = t1;
      s2 = t2;
    }
    return root;
  }

  private static byte[] serialised(Object value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      return bytes.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The same array with its value count (the data header's length) set to 2^40. */
  private static byte[] forgeDataLength(byte[] array) {
    ByteBuffer b = ByteBuffer.wrap(array.clone());
    int shapeLength = (int) skipModeAndReadLength(b);
    skipUtf(b);
    b.position(b.position() + shapeLength * Long.BYTES);
    skipModeAndReadLength(b);
    b.putLong(b.position() - Long.BYTES, 1L << 40);
    return b.array();
  }

  /** ND4J writes "MIXED_DATA_TYPES" then a long length (see BaseDataBuffer.write). */
  private static long skipModeAndReadLength(ByteBuffer b) {
    assertEquals("MIXED_DATA_TYPES", readUtf(b));
    return b.getLong();
  }

  private static String readUtf(ByteBuffer b) {
    byte[] chars = new byte[b.getShort()];
    b.get(chars);
    return new String(chars, StandardCharsets.UTF_8);
  }

  private static void skipUtf(ByteBuffer b) {
    readUtf(b);
  }

  private static long usedHeap() {
    Runtime r = Runtime.getRuntime();
    System.gc();
    return r.totalMemory() - r.freeMemory();
  }
}
