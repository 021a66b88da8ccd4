package io.opencdp.jobs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The machine a benchmark ran on, recorded with every result so figures are never quoted without
 * it.
 */
public record MachineInfo(
    int cores, long memoryMib, String cpuModel, String os, String java, long maxHeapMib) {

  public static MachineInfo current() {
    return new MachineInfo(
        Runtime.getRuntime().availableProcessors(),
        procValueKib("/proc/meminfo", "MemTotal:").orElse(0L) / 1024,
        readCpuModel(),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  /** Peak resident set size of this process (VmHWM), in MiB; 0 where /proc is not available. */
  public static double peakRssMib() {
    return procValueKib("/proc/self/status", "VmHWM:").orElse(0L) / 1024.0;
  }

  /** Peak resident set size of process {@code pid} (VmHWM), in MiB; 0 where it cannot be read. */
  public static double peakRssMib(long pid) {
    return procValueKib("/proc/" + pid + "/status", "VmHWM:").orElse(0L) / 1024.0;
  }

  private static String readCpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static Optional<Long> procValueKib(String file, String key) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(line -> line.startsWith(key))
          .map(line -> Long.parseLong(line.substring(key.length()).replace("kB", "").strip()))
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
