package org.aslwb.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's resident memory as Linux reports it in {@code /proc/self/status}: the peak ({@code
 * VmHWM}), and the current anonymous (heap, native buffers) and file-backed (mapped files, which
 * the kernel may drop and re-read) parts. Megabytes; -1 where the system does not say.
 *
 * @param peakMb the largest resident set so far
 * @param anonymousMb resident anonymous memory now
 * @param fileMb resident file-backed memory now
 */
public record ProcessMemory(long peakMb, long anonymousMb, long fileMb) {
  /** Reads the figures now. */
  public static ProcessMemory now() {
    try {
      String status = Files.readString(Path.of("/proc/self/status"));
      return new ProcessMemory(
          field(status, "VmHWM:"), field(status, "RssAnon:"), field(status, "RssFile:"));
    } catch (IOException | RuntimeException e) {
      return new ProcessMemory(-1, -1, -1);
    }
  }

  private static long field(String status, String name) {
    for (String line : status.split("\n")) {
      if (line.startsWith(name)) {
        String kb = line.substring(name.length()).trim().split("\\s+")[0];
        return Long.parseLong(kb) / 1024;
      }
    }
    return -1;
  }
}
