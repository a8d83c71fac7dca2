package io.facetrail.benchmarks.faces;

/** Runs a task repeatedly for about a given time after a warm-up and reports its rate. */
final class Timing {
  private Timing() {}

  /**
   * Result of one measurement.
   *
   * @param iterations timed runs
   * @param seconds their total wall-clock time
   */
  record Measured(int iterations, double seconds) {
    double perSecond(double itemsPerIteration) {
      return iterations * itemsPerIteration / seconds;
    }
  }

  static Measured measure(Runnable task, int warmup, double minSeconds, int minIterations) {
    for (int i = 0; i < warmup; i++) {
      task.run();
    }
    long start = System.nanoTime();
    int n = 0;
    double elapsed;
    do {
      task.run();
      n++;
      elapsed = (System.nanoTime() - start) / 1e9;
    } while (elapsed < minSeconds || n < minIterations);
    return new Measured(n, elapsed);
  }
}
