package org.aslwb.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StallsTest {
  @Test
  void probesPostedDuringOneLongPulseAreOneStallAsLongAsThePulse() {
    // a pulse from 10 to 40: the probes posted at 10, 12 and 14 all run at 40
    long[][] intervals = {{10, 40}, {12, 40}, {14, 40}, {42, 43}};
    assertArrayEquals(new long[] {30, 1}, Stalls.merged(intervals));
  }

  @Test
  void aPauseWithNoProbeWaitingIsAStallOfItsOwn() {
    // the probe thread was stopped by the pause too: no probe covers it
    long[][] intervals = {{0, 1}, {2, 3}, {5, 30}, {31, 32}};
    assertArrayEquals(new long[] {1, 1, 25, 1}, Stalls.merged(intervals));
  }

  @Test
  void aPauseThatBeginsWhileAProbeWaitsLengthensThatWait() {
    long[][] intervals = {{100, 103}, {102, 125}, {126, 127}};
    assertArrayEquals(new long[] {25, 1}, Stalls.merged(intervals));
  }

  @Test
  void shortIntervalsInsideALongOneLeaveItWhole() {
    // a pause and a probe's wait inside a long pulse
    long[][] intervals = {{0, 50}, {10, 20}, {30, 40}, {60, 61}};
    assertArrayEquals(new long[] {50, 1}, Stalls.merged(intervals));
  }

  @Test
  void intervalsInAnyOrderAndTouchingOnesMergeAlike() {
    long[][] intervals = {{20, 30}, {0, 10}, {10, 15}};
    assertArrayEquals(new long[] {15, 10}, Stalls.merged(intervals));
    assertEquals(0, Stalls.merged(new long[0][]).length);
  }

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
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (recorder.between(before, after).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10); // the notification comes on a service thread after the pause
      }
      List<GcPauseRecorder.Pause> pauses = recorder.between(before, after);
      assertFalse(pauses.isEmpty(), "System.gc() was recorded");
      // placed to within the recorder's precision and the collector's whole milliseconds
      long slack = recorder.precision() + 1_000_000L;
      assertTrue(recorder.precision() < 20_000_000L, "placed to within 20 ms");
      assertTrue(recorder.awaitNotified(5_000), "every collection notified");
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
