package io.facetrail.contracts.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FaceCodeTest {
  private static float[] randomUnit(Random rnd) {
    float[] v = new float[128];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) rnd.nextGaussian();
    }
    return FaceCode.normalise(v);
  }

  @Test
  void codeDistanceTracksFloatDistance() {
    Random rnd = new Random(7);
    double worst = 0;
    for (int i = 0; i < 500; i++) {
      float[] a = randomUnit(rnd);
      float[] b = randomUnit(rnd);
      double exact = FaceCode.distance(a, b);
      double coded = FaceCode.distance(FaceCode.quantise(a), FaceCode.quantise(b));
      worst = Math.max(worst, Math.abs(exact - coded));
    }
    // Quantisation noise per component is 1/(256*sqrt(12)); over 128 dimensions the distance moves
    // by a few thousandths, far below a verification threshold near 1.
    assertThat(worst).isLessThan(0.01);
  }

  @Test
  void quantisationClampsAndRoundTrips() {
    float[] v = new float[128];
    v[0] = 1f;
    byte[] code = FaceCode.quantise(v);
    assertThat(code[0]).isEqualTo((byte) 127);
    assertThat(FaceCode.dequantise(code)[0]).isCloseTo(127 / 256f, within(1e-6f));
    assertThat(FaceCode.squaredCodeDistance(code, code)).isZero();
  }

  @Test
  void squaredCodeDistanceConvertsToEmbeddingUnits() {
    Random rnd = new Random(3);
    byte[] a = FaceCode.quantise(randomUnit(rnd));
    byte[] b = FaceCode.quantise(randomUnit(rnd));
    double d = FaceCode.distance(a, b);
    assertThat(FaceCode.toSquaredCodeDistance(d))
        .isCloseTo(FaceCode.squaredCodeDistance(a, b), within(0.5));
  }

  @Test
  void rejectsWrongLengthsAndZeroVectors() {
    assertThatThrownBy(() -> FaceCode.quantise(new float[127]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaceCode.normalise(new float[128]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void problemRefusesCodesNoNormalisedEmbeddingHas() {
    byte[] code = FaceCode.quantise(randomUnit(new Random(3)));
    assertThat(FaceCode.problem(code)).isNull();
    code[5] = Byte.MIN_VALUE;
    // Found by FaceCodeFuzzTest: -128 comes back from dequantise and quantise as -127.
    assertThat(FaceCode.quantise(FaceCode.dequantise(code))[5]).isEqualTo((byte) -127);
    assertThat(FaceCode.problem(code)).contains("-128 at 5");
    assertThat(FaceCode.problem(new byte[128])).contains("all zero");
    assertThat(FaceCode.problem(new byte[12])).isEqualTo("has 12 bytes, not 128");
  }
}
