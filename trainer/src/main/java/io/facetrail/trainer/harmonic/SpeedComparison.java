package io.facetrail.trainer.harmonic;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.image.TensorPacking;
import io.facetrail.faces.trained.ChipReduction;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Times v1 (its network on 150x150 chips) against v2 (the student network on the same chips
 * reduced) on one batch, alternating which runs first in each round because the machine may be
 * shared, and keeps each one's best rate and the ratio of the two rates within each round. Only the
 * networks are timed, not the reduction (a crop, or a downscale the aligner could do itself).
 *
 * <p>On this project's VMs a model's rate swings 1.5-3x over tens of seconds with nothing else
 * running, and the ratio of two best rates taken minutes apart swung from 1.55 to 2.38 between
 * identical runs; two measurements taken back to back within a round share the machine's state, so
 * the median of the per-round ratios over many short rounds is the figure to read.
 */
public final class SpeedComparison {
  /**
   * Best rates of both models.
   *
   * @param v1 v1's best rate
   * @param v2 v2's best rate
   * @param batch faces per forward pass
   * @param rounds alternating rounds measured
   */
  public record Result(
      Rate v1, Rate v2, int batch, int rounds, double seconds, List<Double> roundRatios) {
    public Result {
      roundRatios = List.copyOf(roundRatios);
    }

    /** The median over rounds of v2's rate over v1's in the same round. */
    public double medianRoundRatio() {
      List<Double> sorted = roundRatios.stream().sorted().toList();
      int n = sorted.size();
      return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** v2's best wall-clock rate over v1's. */
    public double ratio() {
      return v2.facesPerSecond() / v1.facesPerSecond();
    }

    /** v1's process CPU time per face over v2's (less sensitive to other jobs on the machine). */
    public double cpuRatio() {
      return v1.cpuMillisPerFace() / v2.cpuMillisPerFace();
    }
  }

  /**
   * One model's best measurement.
   *
   * @param facesPerSecond best wall-clock rate
   * @param cpuMillisPerFace least process CPU time per face (all threads)
   */
  public record Rate(double facesPerSecond, double cpuMillisPerFace) {
    Rate best(Rate other) {
      return new Rate(
          Math.max(facesPerSecond, other.facesPerSecond),
          Math.min(cpuMillisPerFace, other.cpuMillisPerFace));
    }
  }

  private final NDManager manager;

  public SpeedComparison(NDManager manager) {
    this.manager = manager;
  }

  /**
   * @param chips one batch of 150x150 chips
   * @param seconds minimum timed seconds per measurement
   */
  public Result measure(
      Block v1,
      Block v2,
      int inputSize,
      ChipReduction reduction,
      List<RgbImage> chips,
      int rounds,
      double seconds) {
    float[] full = pack(chips, chips.get(0).width());
    float[] small =
        pack(chips.stream().map(c -> reduction.apply(c, inputSize)).toList(), inputSize);
    Rate best1 = new Rate(0, Double.MAX_VALUE);
    Rate best2 = best1;
    List<Double> ratios = new ArrayList<>(rounds);
    for (int r = 0; r < rounds; r++) {
      boolean v1First = r % 2 == 0;
      Rate r1 = null;
      Rate r2 = null;
      for (int k = 0; k < 2; k++) {
        if ((k == 0) == v1First) {
          r1 = rate(v1, full, chips.size(), chips.get(0).width(), seconds);
        } else {
          r2 = rate(v2, small, chips.size(), inputSize, seconds);
        }
      }
      best1 = best1.best(r1);
      best2 = best2.best(r2);
      ratios.add(r2.facesPerSecond() / r1.facesPerSecond());
    }
    return new Result(best1, best2, chips.size(), rounds, seconds, ratios);
  }

  private static float[] pack(List<RgbImage> images, int size) {
    int per = 3 * size * size;
    float[] out = new float[images.size() * per];
    for (int i = 0; i < images.size(); i++) {
      TensorPacking.planar(images.get(i), out, i * per);
    }
    return out;
  }

  private Rate rate(Block block, float[] input, int n, int size, double seconds) {
    Runnable once =
        () -> {
          try (NDManager call = manager.newSubManager()) {
            block
                .forward(
                    new ParameterStore(call, false),
                    new NDList(call.create(input, new Shape(n, 3, size, size))),
                    false)
                .singletonOrThrow()
                .toFloatArray();
          }
        };
    once.run(); // warm-up: first calls allocate and pick kernels
    once.run();
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    int iterations = 0;
    double elapsed;
    do {
      once.run();
      iterations++;
      elapsed = (System.nanoTime() - start) / 1e9;
    } while (elapsed < seconds || iterations < 3);
    double cpuMillis = (processCpuNanos() - cpuStart) / 1e6;
    return new Rate(iterations * n / elapsed, cpuMillis / (iterations * (double) n));
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    throw new IllegalStateException("this JVM does not report process CPU time");
  }
}
