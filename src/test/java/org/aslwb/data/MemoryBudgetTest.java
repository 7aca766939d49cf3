package org.aslwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
  @Test
  void sizesAndSharesParse() {
    assertEquals(6L << 30, MemoryBudget.parse("6g", "ASLWB_MEMORY").bytes());
    assertEquals(6144L << 20, MemoryBudget.parse(" 6144M ", "ASLWB_MEMORY").bytes());
    long half = MemoryBudget.parse("50%", "ASLWB_MEMORY").bytes();
    assertEquals(MemoryBudget.machineBytes() / 2, half, MemoryBudget.machineBytes() / 100.0);
  }

  @Test
  void badSettingsAreRefusedWithTheSettingNamed() {
    for (String bad : new String[] {"lots", "0%", "120%", "6x", "100m", ""}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> MemoryBudget.parse(bad, "ASLWB_MEMORY"));
      assertTrue(e.getMessage().startsWith("ASLWB_MEMORY=" + bad), e.getMessage());
    }
  }

  @Test
  void theJvmIsSizedFromTheBudget() {
    MemoryBudget b = new MemoryBudget(10L << 30);
    assertEquals(4096L << 20, b.heapBytes());
    assertEquals(4096L << 20, b.nativeBytes());
    String options = b.jvmOptions();
    assertTrue(options.contains("-Xmx4096m"), options);
    assertTrue(options.contains("-Dorg.bytedeco.javacpp.maxbytes=4096M"), options);
    assertTrue(options.contains("-Daslwb.memory=10240m"), options);
    assertTrue(b.tensorBytes() <= b.heapBytes() / 2);
  }
}
