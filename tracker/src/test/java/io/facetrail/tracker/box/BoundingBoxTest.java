package io.facetrail.tracker.box;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoundingBoxTest {
  @Test
  void iouOfIdenticalDisjointAndHalfOverlappingBoxes() {
    BoundingBox a = new BoundingBox(0, 0, 10, 10);
    assertThat(a.iou(a)).isEqualTo(1.0);
    assertThat(a.iou(new BoundingBox(10, 0, 10, 10))).isZero();
    // Shifted by half a width: intersection 50, union 150.
    assertThat(a.iou(new BoundingBox(5, 0, 10, 10))).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void centreRoundTrips() {
    BoundingBox b = BoundingBox.ofCentre(50, 40, 20, 30);
    assertThat(b.x()).isEqualTo(40);
    assertThat(b.y()).isEqualTo(25);
    assertThat(b.centreX()).isEqualTo(50);
    assertThat(b.centreY()).isEqualTo(40);
  }

  @Test
  void refusesEmptyOrNonFiniteBoxes() {
    assertThatThrownBy(() -> new BoundingBox(0, 0, 0, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BoundingBox(Double.NaN, 0, 5, 5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
