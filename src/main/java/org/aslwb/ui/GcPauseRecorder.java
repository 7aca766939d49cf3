package org.aslwb.ui;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Records the garbage collector's pauses while it is open, as intervals on {@link
 * System#nanoTime}'s scale. A pause stops every Java thread, the FX thread and a probe thread
 * alike, so a probe that posts to the FX thread sees a pause only when one of its posts is waiting
 * as it begins; the pauses are therefore taken from the collector's own notifications.
 *
 * <p>The collectors report whole milliseconds from an origin of their own, some tens of
 * milliseconds after the one of the runtime's uptime (HotSpot starts their clock later). So the
 * recorder places that clock once, with a {@code System.gc()} between two readings of {@code
 * nanoTime}: open it early, while the heap is nearly empty and the collection takes a few
 * milliseconds. Where no such collection is notified (explicit collections disabled), the uptime's
 * origin is taken, tens of milliseconds off, and {@link #precision} says so.
 *
 * <p>G1's, Parallel's and Serial's collectors notify pauses: young and mixed collections, and full
 * ones; G1's Remark and Cleanup pauses are not notified on Java 17. ZGC's and Shenandoah's "Cycles"
 * collectors notify concurrent cycles, not pauses, and are not listened to.
 */
final class GcPauseRecorder implements AutoCloseable {
  /** A pause from {@code start} to {@code end}, nanoseconds on {@link System#nanoTime}'s scale. */
  record Pause(long start, long end) {
    long nanos() {
      return end - start;
    }
  }

  private static final long MILLISECOND = 1_000_000L;
  private static final String EXPLICIT = "System.gc()";

  /** Where the collectors' clock starts, in nanoseconds on {@link System#nanoTime}'s scale. */
  private final long origin;

  /** How far {@link #origin} may be off, nanoseconds. */
  private final long precision;

  /** The collections notified so far, {start, end} in the collectors' milliseconds. */
  private final List<long[]> collections = new ArrayList<>();

  /** The explicit collection that places the clock, once notified. */
  private long[] explicit;

  private final List<GarbageCollectorMXBean> listened = new ArrayList<>();
  private final NotificationListener listener = this::collected;
  private final long countAtStart;

  /** Starts recording, after placing the collectors' clock with one {@code System.gc()}. */
  GcPauseRecorder() throws InterruptedException {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter && !gc.getName().contains("Cycles")) {
        emitter.addNotificationListener(listener, null, null);
        listened.add(gc);
      }
    }
    countAtStart = collectionCount();
    long before = System.nanoTime();
    System.gc();
    long after = System.nanoTime();
    pollUntil(() -> explicit != null, 2_000);
    long[] placed;
    synchronized (collections) {
      placed = explicit;
    }
    long nanos = placed == null ? 0 : (placed[1] - placed[0]) * MILLISECOND;
    if (placed == null || after - before < nanos - MILLISECOND) {
      origin = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * MILLISECOND;
      precision = 100 * MILLISECOND;
    } else {
      // the collection began after `before` and ended before `after`: the middle of the origins
      // that allows, give or take half their range and the collector's whole milliseconds
      long earliest = before - placed[0] * MILLISECOND;
      long latest = after - placed[1] * MILLISECOND;
      origin = earliest + (latest - earliest) / 2;
      precision = Math.abs(latest - earliest) / 2 + MILLISECOND;
    }
  }

  private void collected(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    long[] collection = {info.getGcInfo().getStartTime(), info.getGcInfo().getEndTime()};
    synchronized (collections) {
      collections.add(collection);
      if (explicit == null && EXPLICIT.equals(info.getGcCause())) {
        explicit = collection;
      }
    }
  }

  /** How far the recorded pauses may be off where they happened, nanoseconds. */
  long precision() {
    return precision;
  }

  /**
   * Waits until every collection so far has been notified (the notifications come on a service
   * thread after each one), for at most {@code millis}.
   *
   * @return whether they all were
   */
  boolean awaitNotified(long millis) throws InterruptedException {
    return pollUntil(() -> collections.size() >= collectionCount() - countAtStart, millis);
  }

  /**
   * Checks {@code done} (under the collections' lock) every 5 ms until it holds or {@code millis}
   * have passed: the notifications come on a service thread after each collection.
   */
  private boolean pollUntil(BooleanSupplier done, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * MILLISECOND;
    while (true) {
      synchronized (collections) {
        if (done.getAsBoolean()) {
          return true;
        }
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
  }

  private long collectionCount() {
    return listened.stream().mapToLong(gc -> Math.max(0, gc.getCollectionCount())).sum();
  }

  /** The pauses that overlap {@code from} to {@code to}, cut to that interval. */
  List<Pause> between(long from, long to) {
    synchronized (collections) {
      return collections.stream()
          .map(c -> new Pause(origin + c[0] * MILLISECOND, origin + c[1] * MILLISECOND))
          .filter(p -> p.end() > from && p.start() < to)
          .map(p -> new Pause(Math.max(p.start(), from), Math.min(p.end(), to)))
          .toList();
    }
  }

  @Override
  public void close() {
    for (GarbageCollectorMXBean gc : listened) {
      try {
        ((NotificationEmitter) gc).removeNotificationListener(listener);
      } catch (ListenerNotFoundException gone) {
        // already removed: nothing to undo
      }
    }
  }
}
