package io.facetrail.faces.landmark.trees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ShapeBoxTest {
  private static final float[] MEAN = {0.1f, 0.2f, 0.9f, 0.2f, 0.5f, 0.6f, 0.3f, 0.9f, 0.7f, 0.9f};

  @Test
  void recoversTheBoxAShapeWasPlacedIn() {
    ShapeBox box = new ShapeBox(40, 25, 140, 125);
    float[] placed = new float[MEAN.length];
    for (int i = 0; i < MEAN.length; i += 2) {
      placed[i] = (float) box.imageX(MEAN[i]);
      placed[i + 1] = (float) box.imageY(MEAN[i + 1]);
    }
    ShapeBox fitted = ShapeBox.fit(placed, MEAN);
    assertThat(fitted.left()).isCloseTo(40, within(1e-4));
    assertThat(fitted.top()).isCloseTo(25, within(1e-4));
    assertThat(fitted.width()).isCloseTo(100, within(1e-4));
    assertThat(fitted.height()).isCloseTo(100, within(1e-4));
  }

  @Test
  void aStretchedShapeGetsTheSquareOfBestFit() {
    float[] wide = new float[MEAN.length];
    for (int i = 0; i < MEAN.length; i += 2) {
      wide[i] = 200 * MEAN[i];
      wide[i + 1] = 100 * MEAN[i + 1];
    }
    ShapeBox fitted = ShapeBox.fit(wide, MEAN);
    assertThat(fitted.width()).isEqualTo(fitted.height()).isBetween(100.0, 200.0);
  }
}
