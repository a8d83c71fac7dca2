package io.facetrail.benchmarks.decode;

/**
 * One measured run over the looped file.
 *
 * @param framesMeasured video frames read after the warm-up (decoded, or for ingest also left
 *     undecoded because sampling did not need them)
 * @param seconds wall time of the measured part
 * @param framesPublished frames published after the warm-up (0 for the bare loop)
 * @param cpuSeconds CPU time the process used during the measured part (all threads, the in-process
 *     Kafka broker included)
 */
record RunResult(long framesMeasured, double seconds, long framesPublished, double cpuSeconds) {
  /** CPU time this whole process used, across all threads, since {@code startNanos} of cpu. */
  static double processCpuSeconds() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() / 1e9
        : Double.NaN;
  }

  double fps() {
    return framesMeasured / seconds;
  }

  double cpuMsPerFrame() {
    return cpuSeconds * 1000 / framesMeasured;
  }

  double publishedFps() {
    return framesPublished / seconds;
  }
}
