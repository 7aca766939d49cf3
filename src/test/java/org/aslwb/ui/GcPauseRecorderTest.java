package org.aslwb.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GcPauseRecorderTest {
  @Test
  void theCollectorsPausesAreRecordedWhereTheyHappenedOnTheNanosecondClock() throws Exception {
    try (GcPauseRecorder recorder = new GcPauseRecorder()) {
      long before = System.nanoTime();
      List<byte[]> garbage = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        garbage.add(new byte[1 << 16]);
      }
      System.gc(); // a full collection, which G1 (and every other collector here) pauses for
      long after = System.nanoTime();
      assertFalse(garbage.isEmpty());
      // the notification comes on a service thread after the pause
      assertTrue(recorder.awaitNotified(5_000), "every collection notified");
      List<GcPauseRecorder.Pause> pauses = recorder.between(before, after);
      assertFalse(pauses.isEmpty(), "System.gc() was recorded");
      // placed to within the recorder's precision and the collector's whole milliseconds
      long slack = recorder.precision() + 1_000_000L;
      assertTrue(recorder.precision() < 20_000_000L, "placed to within 20 ms");
      assertTrue(
          recorder.between(before + 1, before + 2).stream().allMatch(p -> p.nanos() <= 1),
          "pauses are cut to the interval asked for");
      for (GcPauseRecorder.Pause p : pauses) {
        assertTrue(p.start() >= before - slack, "starts after the test asked for it");
        assertTrue(p.end() <= after + slack, "ends before System.gc() returned");
        assertTrue(p.nanos() >= 0);
      }
      assertTrue(
          recorder.between(after + 60_000_000_000L, after + 61_000_000_000L).isEmpty(),
          "nothing outside the interval asked for");
    }
  }
}
