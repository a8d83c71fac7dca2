package io.facetrail.tracker.track;

import io.facetrail.tracker.box.BoundingBox;
import java.util.Random;

/** Test detections: boxes plus appearance vectors of made-up identities (not of a model). */
final class TestFaces {
  private TestFaces() {}

  /** A random unit vector standing for one person's face embedding. */
  static float[] identity(long seed) {
    Random random = new Random(seed);
    float[] v = new float[128];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return normalise(v);
  }

  /** The identity's embedding as seen in one frame: a small perturbation of it. */
  static float[] seen(float[] identity, Random random, double noise) {
    float[] v = identity.clone();
    for (int i = 0; i < v.length; i++) {
      v[i] += (float) (noise * random.nextGaussian() / Math.sqrt(v.length));
    }
    return normalise(v);
  }

  /** A unit vector at Euclidean distance {@code distance} from {@code from}, towards {@code to}. */
  static float[] turned(float[] from, float[] to, double distance) {
    double dot = 0;
    for (int i = 0; i < from.length; i++) {
      dot += from[i] * to[i];
    }
    float[] orthogonal = new float[from.length];
    for (int i = 0; i < from.length; i++) {
      orthogonal[i] = (float) (to[i] - dot * from[i]);
    }
    orthogonal = normalise(orthogonal);
    double angle = 2 * Math.asin(distance / 2);
    float[] v = new float[from.length];
    for (int i = 0; i < from.length; i++) {
      v[i] = (float) (Math.cos(angle) * from[i] + Math.sin(angle) * orthogonal[i]);
    }
    return normalise(v);
  }

  static Detection face(double cx, double cy, double size, float score, float[] appearance) {
    return new Detection(BoundingBox.ofCentre(cx, cy, size, size * 1.2), score, appearance);
  }

  private static float[] normalise(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    float inv = (float) (1 / Math.sqrt(sum));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
    return v;
  }
}
