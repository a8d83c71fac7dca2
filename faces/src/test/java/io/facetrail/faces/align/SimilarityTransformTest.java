package io.facetrail.faces.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class SimilarityTransformTest {
  @Test
  void recoversAKnownRotationScaleAndShift() {
    SimilarityTransform truth =
        new SimilarityTransform(1.2 * Math.cos(0.3), 1.2 * Math.sin(0.3), 5, -7);
    double[] from = {0, 0, 10, 0, 0, 10, 7, 3, -4, 6};
    double[] to = new double[from.length];
    for (int i = 0; i < from.length; i += 2) {
      to[i] = truth.applyX(from[i], from[i + 1]);
      to[i + 1] = truth.applyY(from[i], from[i + 1]);
    }
    SimilarityTransform fit = SimilarityTransform.fit(from, to);
    assertThat(fit.scale()).isCloseTo(1.2, offset(1e-9));
    assertThat(fit.angle()).isCloseTo(0.3, offset(1e-9));
    assertThat(fit.tx()).isCloseTo(5, offset(1e-9));
    assertThat(fit.ty()).isCloseTo(-7, offset(1e-9));
    SimilarityTransform back = fit.inverse();
    assertThat(back.applyX(fit.applyX(3, 4), fit.applyY(3, 4))).isCloseTo(3, offset(1e-9));
    assertThat(back.applyY(fit.applyX(3, 4), fit.applyY(3, 4))).isCloseTo(4, offset(1e-9));
  }

  @Test
  void thenAppliesTheSecondTransformToTheFirstsResult() {
    SimilarityTransform first = new SimilarityTransform(0.8, 0.3, 4, -2);
    SimilarityTransform second = new SimilarityTransform(-0.5, 1.1, -9, 6);
    SimilarityTransform both = first.then(second);
    double x = first.applyX(3, -5);
    double y = first.applyY(3, -5);
    assertThat(both.applyX(3, -5)).isCloseTo(second.applyX(x, y), offset(1e-9));
    assertThat(both.applyY(3, -5)).isCloseTo(second.applyY(x, y), offset(1e-9));
  }

  @Test
  void leastSquaresAveragesNoise() {
    double[] from = {0, 0, 10, 0, 0, 10, 10, 10};
    double[] to = {0.1, 0, 10, -0.1, 0, 10.1, 9.9, 10};
    SimilarityTransform fit = SimilarityTransform.fit(from, to);
    assertThat(fit.scale()).isCloseTo(1.0, offset(0.02));
    assertThat(fit.angle()).isCloseTo(0.0, offset(0.02));
  }

  @Test
  void refusesDegeneratePoints() {
    assertThatThrownBy(
            () -> SimilarityTransform.fit(new double[] {1, 1, 1, 1}, new double[] {0, 0, 1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("coincide");
    assertThatThrownBy(() -> SimilarityTransform.fit(new double[] {1, 1}, new double[] {0, 0}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
