package io.facetrail.evaluation.pose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.facetrail.faces.detect.FaceBox;
import org.junit.jupiter.api.Test;

class FaceExtentTest {
  @Test
  void spansThePointsAndAddsTheForeheadAboveTheBrows() {
    float[] p = new float[136];
    for (int i = 0; i < 68; i++) {
      p[2 * i] = 100 + i; // x from 100 to 167
      p[2 * i + 1] = 150; // most points at the eyes' height
    }
    p[2 * 8 + 1] = 200; // chin
    for (int i = 17; i <= 26; i++) {
      p[2 * i + 1] = 120; // brows
    }
    FaceBox b = FaceExtent.of(p);
    assertThat(b.x()).isEqualTo(100f);
    assertThat(b.width()).isEqualTo(67f);
    assertThat(b.bottom()).isEqualTo(200f);
    assertThat(b.y()).isCloseTo(120f - 0.25f * 80f, within(1e-4f));
  }
}
