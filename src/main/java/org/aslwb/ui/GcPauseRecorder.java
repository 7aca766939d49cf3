package org.aslwb.ui;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
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
 * milliseconds. Where no collection is notified (explicit collections disabled), the uptime's
 * origin is taken, tens of milliseconds off. G1's young and mixed collections are pauses; its
 * concurrent marking is not notified (a full collection is, and is a pause too).
 */
final class GcPauseRecorder implements AutoCloseable {
  /** A pause from {@code start} to {@code end}, nanoseconds on {@link System#nanoTime}'s scale. */
  record Pause(long start, long end) {
    long nanos() {
      return end - start;
    }
  }

  private static final long MILLISECOND = 1_000_000L;

  /** Where the collectors' clock starts, in nanoseconds on {@link System#nanoTime}'s scale. */
  private final long origin;

  /** How far {@link #origin} may be off, nanoseconds. */
  private final long precision;

  /** The collections notified so far, {start, end} in the collectors' milliseconds. */
  private final List<long[]> collections = new ArrayList<>();

  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::collected;

  /** Starts recording, after placing the collectors' clock with one {@code System.gc()}. */
  GcPauseRecorder() throws InterruptedException {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
    long before = System.nanoTime();
    System.gc();
    long after = System.nanoTime();
    long deadline = after + 2_000 * MILLISECOND;
    long[] placed = null;
    while (placed == null && System.nanoTime() < deadline) {
      Thread.sleep(5); // the notification comes on a service thread after the collection
      synchronized (collections) {
        placed = collections.isEmpty() ? null : collections.get(collections.size() - 1);
        collections.clear();
      }
    }
    if (placed == null) {
      origin = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * MILLISECOND;
      precision = 100 * MILLISECOND;
    } else {
      // the collection began after `before` and ended before `after`: the middle of the origins
      // that allows, give or take half their range and the collector's whole milliseconds
      long earliest = before - placed[0] * MILLISECOND;
      long latest = after - placed[1] * MILLISECOND;
      origin = (earliest + latest) / 2;
      precision = Math.abs(latest - earliest) / 2 + MILLISECOND;
    }
  }

  /** How far the recorded pauses may be off where they happened, nanoseconds. */
  long precision() {
    return precision;
  }

  private void collected(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
    synchronized (collections) {
      collections.add(new long[] {info.getStartTime(), info.getEndTime()});
    }
  }

  /**
   * The pauses that overlap {@code from} to {@code to}. The notifications come on a service thread
   * after each pause: ask some tens of milliseconds after {@code to}.
   */
  List<Pause> between(long from, long to) {
    synchronized (collections) {
      return collections.stream()
          .map(c -> new Pause(origin + c[0] * MILLISECOND, origin + c[1] * MILLISECOND))
          .filter(p -> p.end() > from && p.start() < to)
          .toList();
    }
  }

  @Override
  public void close() {
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (ListenerNotFoundException gone) {
        // never added or already removed: nothing to undo
      }
    }
  }
}
