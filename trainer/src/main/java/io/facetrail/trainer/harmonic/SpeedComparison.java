package io.facetrail.trainer.harmonic;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.facetrail.faces.image.RgbImage;
import io.facetrail.faces.image.TensorPacking;
import io.facetrail.trainer.chips.ChipScaler;
import java.util.List;

/**
 * Times v1 (its network on 150x150 chips) against v2 (the student network on the same chips
 * downscaled) on one batch, alternating which runs first in each round because the machine may be
 * shared, and keeps each one's best rate. Only the networks are timed: a deployed v2 would have the
 * aligner cut its smaller chip directly.
 */
public final class SpeedComparison {
  /**
   * Best rates of both models.
   *
   * @param v1FacesPerSecond v1's best rate
   * @param v2FacesPerSecond v2's best rate
   * @param batch faces per forward pass
   * @param rounds alternating rounds measured
   */
  public record Result(
      double v1FacesPerSecond, double v2FacesPerSecond, int batch, int rounds, double seconds) {
    public double ratio() {
      return v2FacesPerSecond / v1FacesPerSecond;
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
      Block v1, Block v2, int inputSize, List<RgbImage> chips, int rounds, double seconds) {
    float[] full = pack(chips, chips.get(0).width());
    float[] small =
        pack(chips.stream().map(c -> ChipScaler.toSquare(c, inputSize)).toList(), inputSize);
    double best1 = 0;
    double best2 = 0;
    for (int r = 0; r < rounds; r++) {
      boolean v1First = r % 2 == 0;
      for (int k = 0; k < 2; k++) {
        if ((k == 0) == v1First) {
          best1 = Math.max(best1, rate(v1, full, chips.size(), chips.get(0).width(), seconds));
        } else {
          best2 = Math.max(best2, rate(v2, small, chips.size(), inputSize, seconds));
        }
      }
    }
    return new Result(best1, best2, chips.size(), rounds, seconds);
  }

  private static float[] pack(List<RgbImage> images, int size) {
    int per = 3 * size * size;
    float[] out = new float[images.size() * per];
    for (int i = 0; i < images.size(); i++) {
      TensorPacking.planar(images.get(i), out, i * per);
    }
    return out;
  }

  private double rate(Block block, float[] input, int n, int size, double seconds) {
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
    int iterations = 0;
    double elapsed;
    do {
      once.run();
      iterations++;
      elapsed = (System.nanoTime() - start) / 1e9;
    } while (elapsed < seconds || iterations < 3);
    return iterations * n / elapsed;
  }
}
