package org.aslwb.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.aslwb.ModelFileSurgery;
import org.junit.jupiter.api.Test;

class BoundedZipTest {
  private final BoundedZip reader = new BoundedZip(Map.of("a", 100L, "b", 100L), 20);

  private Map<String, byte[]> read(byte[] zip, Set<String> wanted) throws Exception {
    return reader.read(new ByteArrayInputStream(zip), zip.length, wanted);
  }

  @Test
  void returnsWantedEntriesAndChecksTheOthers() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("a", new byte[] {1, 2});
    entries.put("b", new byte[] {3});
    Map<String, byte[]> read = read(ModelFileSurgery.zip(entries), Set.of("a"));
    assertEquals(Set.of("a"), read.keySet());
    assertArrayEquals(new byte[] {1, 2}, read.get("a"));
  }

  @Test
  void refusesEntriesOverTheirLimitEvenWhenNotWanted() throws Exception {
    byte[] zip = ModelFileSurgery.zip(Map.of("b", new byte[101]));
    UntrustedInputException e =
        assertThrows(UntrustedInputException.class, () -> read(zip, Set.of("a")));
    assertTrue(e.getMessage().contains("'b' unpacks to more than 100 bytes"), e.getMessage());
  }

  @Test
  void refusesDuplicateAndUnexpectedNamesWithControlCharactersEscaped() throws Exception {
    byte[] unexpected = ModelFileSurgery.zip(Map.of("c\u001b[2J", new byte[1]));
    UntrustedInputException e =
        assertThrows(UntrustedInputException.class, () -> read(unexpected, Set.of("a")));
    assertTrue(e.getMessage().contains("'c\\u001b[2J'"), e.getMessage());
  }

  @Test
  void refusesAStreamThatIsNotAZip() {
    byte[] text = "plain text".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThrows(BoundedZip.NotAZipException.class, () -> read(text, Set.of("a")));
  }
}
