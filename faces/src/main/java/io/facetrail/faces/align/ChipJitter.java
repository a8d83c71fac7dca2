package io.facetrail.faces.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * dlib's {@code jitter_image} as moves of the chip: each jittered chip is the aligned chip slightly
 * rotated (up to 3 degrees either way), zoomed (the face 1-4% larger: dlib crops a box of 97-100%
 * of the chip shrunk by 3 pixels), shifted (up to 2% of the chip) and, with probability 1/2,
 * mirrored. dlib's face recognition example averages the embeddings of 100 such chips for a
 * steadier code. The moves come from a fixed seed, so every face gets the same set and results are
 * reproducible.
 */
public final class ChipJitter {
  private static final double MAX_ROTATION_DEGREES = 3;
  private static final double MIN_OBJECT_HEIGHT = 0.97;
  private static final double MAX_OBJECT_HEIGHT = 0.99999;
  private static final double TRANSLATE = 0.02;
  private static final int BORDER = 3;

  /**
   * One jitter.
   *
   * @param chipToJittered maps aligned-chip pixels to jittered-chip pixels
   * @param mirrored whether the jittered chip is then mirrored left to right
   */
  public record Move(SimilarityTransform chipToJittered, boolean mirrored) {}

  private ChipJitter() {}

  /** {@code count} moves for chips of {@code size} pixels, the same for every call. */
  public static List<Move> moves(int count, int size) {
    Random rnd = new Random(20170212L + count);
    double inner = size - 2.0 * BORDER;
    double centre = (size - 1) / 2.0;
    List<Move> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double dx = between(rnd, -TRANSLATE, TRANSLATE) * inner;
      double dy = between(rnd, -TRANSLATE, TRANSLATE) * inner;
      double box = inner / between(rnd, MIN_OBJECT_HEIGHT, MAX_OBJECT_HEIGHT);
      double angle = Math.toRadians(between(rnd, -MAX_ROTATION_DEGREES, MAX_ROTATION_DEGREES));
      boolean mirrored = rnd.nextBoolean();
      // Jittered pixel p samples the chip at centre + d + s R (p - centre), s = box / size.
      double s = box / size;
      double a = s * Math.cos(angle);
      double b = s * Math.sin(angle);
      SimilarityTransform jitteredToChip =
          new SimilarityTransform(
              a,
              b,
              centre + dx - (a * centre - b * centre),
              centre + dy - (b * centre + a * centre));
      out.add(new Move(jitteredToChip.inverse(), mirrored));
    }
    return out;
  }

  private static double between(Random rnd, double lo, double hi) {
    return lo + (hi - lo) * rnd.nextDouble();
  }
}
