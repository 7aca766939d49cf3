package org.aslwb.trust;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import org.aslwb.cli.Aslwb;
import org.junit.jupiter.api.Test;

class SerialisationGuardTest {
  @Test
  void processWideFilterRejectsASerialisedHashMap() throws Exception {
    SerialisationGuard.install();
    HashMap<String, String> map = new HashMap<>();
    map.put("k", "v");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(map);
    }
    // a plain ObjectInputStream, as any library on the class path would use
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      InvalidClassException e = assertThrows(InvalidClassException.class, in::readObject);
      assertTrue(e.getMessage().contains("REJECTED"), e.getMessage());
    }
  }

  @Test
  void installingTwiceIsHarmlessAndTheCliInstallsIt() {
    assertDoesNotThrow(SerialisationGuard::install);
    assertDoesNotThrow(SerialisationGuard::install);
    Aslwb.run("--version");
    assertTrue(SerialisationGuard.isInstalled());
  }
}
