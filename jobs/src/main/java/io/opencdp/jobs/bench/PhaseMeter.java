package io.opencdp.jobs.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Wall time, process CPU and peak heap of a benchmark's phases, all in this JVM. Two heap figures:
 * the most heap in use (sampled every 10 ms; it includes garbage not yet collected, so under load
 * it climbs towards the limit) and the most heap still in use right after a garbage collection
 * (from the collectors' notifications): the live data a phase needed.
 */
final class PhaseMeter implements AutoCloseable {
  /**
   * One measured phase.
   *
   * @param cpuSeconds CPU time of the whole process during the phase (every thread, GC included)
   */
  record Phase(
      String name, double seconds, double cpuSeconds, double peakHeapMib, double peakLiveHeapMib) {
    double cores() {
      return seconds > 0 ? cpuSeconds / seconds : 0;
    }
  }

  private static final double MIB = 1024.0 * 1024.0;

  private final List<MemoryPoolMXBean> heapPools;
  private final Set<String> heapPoolNames;
  private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakLive = new AtomicLong();
  private final AtomicLong overallUsed = new AtomicLong();
  private final AtomicLong overallLive = new AtomicLong();
  private final List<Phase> phases = new ArrayList<>();
  private final NotificationListener gcListener = this::onGc;
  private final Thread sampler;
  private volatile boolean running = true;

  PhaseMeter() {
    heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    heapPoolNames =
        heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toUnmodifiableSet());
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(gcListener, null, null);
      }
    }
    sampler =
        new Thread(
            () -> {
              while (running) {
                record(peakUsed, overallUsed, heapUsed());
                try {
                  Thread.sleep(10);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "bench-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Runs one phase and records its figures. */
  <T> T measure(String name, Callable<T> work) throws Exception {
    long used = heapUsed();
    peakUsed.set(used);
    peakLive.set(0);
    long cpuStart = cpuNanos();
    long start = System.nanoTime();
    T result = work.call();
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (cpuNanos() - cpuStart) / 1e9;
    record(peakUsed, overallUsed, heapUsed());
    phases.add(new Phase(name, seconds, cpu, peakUsed.get() / MIB, peakLive.get() / MIB));
    return result;
  }

  /** The phase measured last under {@code name}. */
  Phase phase(String name) {
    for (int i = phases.size() - 1; i >= 0; i--) {
      if (phases.get(i).name().equals(name)) {
        return phases.get(i);
      }
    }
    throw new IllegalArgumentException("no phase " + name);
  }

  List<Phase> phases() {
    return List.copyOf(phases);
  }

  /** The most heap in use over every phase so far, in MiB. */
  double peakHeapMib() {
    return overallUsed.get() / MIB;
  }

  /** The most heap in use right after a collection over every phase so far, in MiB. */
  double peakLiveHeapMib() {
    return overallLive.get() / MIB;
  }

  private long heapUsed() {
    long used = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      used += pool.getUsage().getUsed();
    }
    return used;
  }

  private long cpuNanos() {
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private void onGc(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long after = 0;
    for (var entry : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPoolNames.contains(entry.getKey())) {
        MemoryUsage usage = entry.getValue();
        after += usage.getUsed();
      }
    }
    record(peakLive, overallLive, after);
  }

  private static void record(AtomicLong phase, AtomicLong overall, long value) {
    phase.accumulateAndGet(value, Math::max);
    overall.accumulateAndGet(value, Math::max);
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        try {
          emitter.removeNotificationListener(gcListener);
        } catch (ListenerNotFoundException e) {
          // never added to this collector
        }
      }
    }
  }
}
