package io.facetrail.trainer.cli;

import java.lang.management.ManagementFactory;

/** CPU time of this process, reported beside wall time because the machine may be shared. */
final class CpuTime {
  private CpuTime() {}

  /** CPU nanoseconds used by this process so far (all threads, native work included). */
  static long processNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }
}
