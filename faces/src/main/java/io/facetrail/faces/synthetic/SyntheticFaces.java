package io.facetrail.faces.synthetic;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.calibration.CalibrationTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic face embeddings with the structure of real ones, for benchmarks and tests that must not
 * depend on face models: unit vectors that share a common mean direction (real embeddings are far
 * from isotropic), identity centres spread anisotropically around it (variance falling with the
 * dimension index, as a real embedding's principal components do), and per-image noise around each
 * centre. Defaults give same-person distances around 0.5 and different-person distances around 1.0
 * on normalised vectors, the regime of the dlib-derived embedding FaceTrail uses.
 *
 * <p>Everything is a pure function of the seed and the identity number, so a benchmark's gallery
 * and its queries can be regenerated independently.
 */
public final class SyntheticFaces {
  private final long seed;
  private final float[] mean;
  private final float[] spread;
  private final double identityScale;
  private final double noiseScale;

  /**
   * @param seed determines every vector
   * @param identityScale spread of identity centres around the mean
   * @param noiseScale spread of images around their identity's centre
   */
  public SyntheticFaces(long seed, double identityScale, double noiseScale) {
    this.seed = seed;
    this.identityScale = identityScale;
    this.noiseScale = noiseScale;
    SplittableRandom r = new SplittableRandom(seed);
    mean = new float[FaceCode.DIMENSIONS];
    spread = new float[FaceCode.DIMENSIONS];
    double norm = 0;
    for (int i = 0; i < mean.length; i++) {
      mean[i] = (float) r.nextGaussian();
      norm += mean[i] * mean[i];
    }
    for (int i = 0; i < mean.length; i++) {
      mean[i] /= (float) Math.sqrt(norm);
      // Component variances fall off like a real embedding's spectrum.
      spread[i] = (float) (1.0 / Math.sqrt(1 + i / 8.0));
    }
    float s = 0;
    for (float x : spread) {
      s += x * x;
    }
    for (int i = 0; i < spread.length; i++) {
      spread[i] /= (float) Math.sqrt(s / spread.length);
    }
  }

  /** The defaults described above. */
  public static SyntheticFaces standard(long seed) {
    return new SyntheticFaces(seed, 0.08, 0.033);
  }

  /**
   * The same identities with another spread of images around them: consecutive frames of one video
   * are far closer to each other than separate photos are.
   */
  public SyntheticFaces withNoise(double otherNoiseScale) {
    return new SyntheticFaces(seed, identityScale, otherNoiseScale);
  }

  /** The unit centre of an identity. */
  public float[] centre(int identity) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + identity);
    float[] v = new float[FaceCode.DIMENSIONS];
    for (int i = 0; i < v.length; i++) {
      v[i] = mean[i] * 0.75f + (float) (r.nextGaussian() * spread[i] * identityScale);
    }
    return FaceCode.normalise(v);
  }

  /** Image {@code image} of an identity: a unit embedding near its centre. */
  public float[] embedding(int identity, long image) {
    float[] c = centre(identity);
    SplittableRandom r =
        new SplittableRandom((seed ^ 0x5DEECE66DL) * 31 + identity * 1_000_003L + image);
    float[] v = new float[c.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = c[i] + (float) (r.nextGaussian() * spread[i] * noiseScale);
    }
    return FaceCode.normalise(v);
  }

  /** The 128-byte code of an image. */
  public byte[] code(int identity, long image) {
    return FaceCode.quantise(embedding(identity, image));
  }

  /**
   * A calibration table measured on impostor pairs of these embeddings (identities {@code 0..n-1}
   * against each other), for tests of code that needs thresholds for a synthetic model id.
   */
  public CalibrationTable calibration(String modelId, int identities, double[] fars) {
    List<Float> impostors = new ArrayList<>();
    for (int a = 0; a < identities; a++) {
      byte[] ca = code(a, 0);
      for (int b = a + 1; b < identities; b++) {
        impostors.add(FaceCode.distance(ca, code(b, 0)));
      }
    }
    float[] d = new float[impostors.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = impostors.get(i);
    }
    Arrays.sort(d);
    float[] genuine = new float[identities];
    for (int a = 0; a < identities; a++) {
      genuine[a] = FaceCode.distance(code(a, 0), code(a, 1));
    }
    List<CalibrationTable.Point> points = new ArrayList<>();
    for (double far : fars) {
      int at = (int) Math.floor(far * d.length);
      if (at < 1) {
        throw new IllegalArgumentException("too few impostor pairs for FAR " + far);
      }
      float threshold = d[at - 1];
      int accepted = 0;
      for (float g : genuine) {
        accepted += g <= threshold ? 1 : 0;
      }
      points.add(new CalibrationTable.Point(far, threshold, far, accepted / (double) identities));
    }
    return new CalibrationTable(
        modelId, "synthetic impostor pairs, " + identities + " identities", points);
  }
}
