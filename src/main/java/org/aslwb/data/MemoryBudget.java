package org.aslwb.data;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.aslwb.task.ProcessSetting;

/**
 * How much memory one workbench process may use, and how it is shared out: the Java heap, ND4J's
 * native memory, and the part of the heap that may hold a data set's 8-bit tensors. A data set
 * larger than that part is read from the disk cache by memory-mapping instead (see {@link
 * DatasetLoader}), so the full 87,000-photo set trains within the same budget as the demo.
 *
 * <p>The budget is a setting: {@code ASLWB_MEMORY} (or the system property {@code aslwb.memory}) as
 * {@code 6g}, {@code 6144m} or {@code 40%} of the machine's memory; by default half of it. {@code
 * bin/aslwb} sizes the JVM from it ({@link #main}), so heap and native limits follow.
 *
 * @param bytes the whole process's share
 */
public record MemoryBudget(long bytes) {
  /** The environment variable that sets the budget. */
  public static final String ENV = "ASLWB_MEMORY";

  /** The system property that sets the budget (wins over the environment). */
  public static final String PROPERTY = "aslwb.memory";

  /** The default: this share of the machine's memory. */
  static final int DEFAULT_PERCENT = 50;

  private static final long MIB = 1L << 20;

  /** The smallest budget a user may set (the demo and a DarkNet-53 at 64 px fit). */
  static final long MINIMUM = 1024 * MIB;

  /** Checks the budget (any positive size: tests use tiny ones to force streaming). */
  public MemoryBudget {
    if (bytes <= 0) {
      throw new IllegalArgumentException("a memory budget must be positive, not " + bytes);
    }
  }

  /**
   * The configured budget: {@value #PROPERTY}, else {@value #ENV}, else {@value #DEFAULT_PERCENT}%
   * of the machine's memory.
   *
   * @throws IllegalArgumentException naming the setting when its value cannot be read
   */
  public static MemoryBudget configured() {
    return ProcessSetting.read(PROPERTY, ENV)
        .map(setting -> parse(setting.value(), setting.name()))
        .orElseGet(
            () -> new MemoryBudget(Math.max(MINIMUM, machineBytes() * DEFAULT_PERCENT / 100)));
  }

  /**
   * Reads {@code 6g}, {@code 6144m}, {@code 6442450944} (bytes) or {@code 40%} (of the machine).
   *
   * @param setting where the text came from, for the message
   */
  public static MemoryBudget parse(String text, String setting) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("%")) {
        double percent = Double.parseDouble(t.substring(0, t.length() - 1));
        if (!(percent > 0 && percent <= 100)) {
          throw new IllegalArgumentException(
              setting + "=" + text + ": a share of memory is between 0 and 100%");
        }
        return checked(new MemoryBudget((long) (machineBytes() * percent / 100)), setting, text);
      }
      long bytes = ByteSize.tryParse(t).orElseThrow(NumberFormatException::new);
      return checked(new MemoryBudget(Math.max(1, bytes)), setting, text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          setting + "=" + text + ": not a memory size (examples: 6g, 6144m, 40%)");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          e.getMessage().startsWith(setting) ? e.getMessage() : setting + ": " + e.getMessage());
    }
  }

  private static MemoryBudget checked(MemoryBudget budget, String setting, String text) {
    if (budget.bytes < MINIMUM) {
      throw new IllegalArgumentException(
          setting
              + "="
              + text
              + ": "
              + budget.bytes / MIB
              + " MB is below the workbench's minimum of "
              + MINIMUM / MIB
              + " MB");
    }
    return budget;
  }

  /** The machine's (or container's) physical memory. */
  public static long machineBytes() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return Runtime.getRuntime().maxMemory() * 4;
  }

  /** The Java heap's limit: two fifths of the budget. */
  public long heapBytes() {
    return bytes / 5 * 2;
  }

  /**
   * ND4J's native (off-heap) limit: another two fifths; the rest is for the JVM itself, thread
   * stacks and the natives' code.
   */
  public long nativeBytes() {
    return bytes / 5 * 2;
  }

  /**
   * How many bytes of 8-bit tensors a data set may hold on the heap: half of the heap this process
   * really has (which {@link #heapBytes()} sets when the JVM was started from the budget); a larger
   * data set is memory-mapped from the disk cache.
   */
  public long tensorBytes() {
    return Math.min(heapBytes(), Runtime.getRuntime().maxMemory()) / 2;
  }

  /** The JVM options that apply this budget: heap and JavaCPP's native limits. */
  public String jvmOptions() {
    return "-Xmx"
        + heapBytes() / MIB
        + "m -Dorg.bytedeco.javacpp.maxbytes="
        + nativeBytes() / MIB
        + "M -Dorg.bytedeco.javacpp.maxphysicalbytes="
        + (heapBytes() + nativeBytes()) / MIB
        + "M -D"
        + PROPERTY
        + "="
        + bytes / MIB
        + "m";
  }

  /** One line for logs and benchmarks. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "memory budget %d MB (heap %d MB, native %d MB, tensors on the heap up to %d MB)",
        bytes / MIB,
        heapBytes() / MIB,
        nativeBytes() / MIB,
        tensorBytes() / MIB);
  }

  /**
   * Prints the JVM options for the configured budget ({@code bin/aslwb} calls this with only the
   * workbench's classes on the class path, before it starts the real JVM); exit 2 with the reason
   * when the setting cannot be read.
   */
  public static void main(String[] args) {
    try {
      String options = configured().jvmOptions();
      TensorCachePruner.configuredLimit(); // a bad cache limit is refused before the app starts too
      System.out.println(options);
    } catch (IllegalArgumentException e) {
      System.err.println("aslwb: " + e.getMessage());
      System.exit(2);
    }
  }
}
