package org.aslwb.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
