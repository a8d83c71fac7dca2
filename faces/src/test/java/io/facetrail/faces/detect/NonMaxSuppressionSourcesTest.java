package io.facetrail.faces.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionSourcesTest {
  // Two boxes overlapping by IoU 0.4: 40x40 boxes shifted by 17 px.
  private static final Detection BEST = new Detection(new FaceBox(100, 100, 40, 40), 0.9f);
  private static final Detection NEAR = new Detection(new FaceBox(117, 100, 40, 40), 0.8f);

  @Test
  void twoFacesOfOnePassOverlappingLessThanTheNetworksThresholdAreBothKept() {
    assertThat(BEST.box().iou(NEAR.box())).isBetween(0.35f, 0.45f);
    List<Detection> kept =
        NonMaxSuppression.apply(List.of(NEAR, BEST), new int[] {0, 0}, 0.5f, 0.3f, 10);
    assertThat(kept).containsExactly(BEST, NEAR);
  }

  @Test
  void theSameOverlapFromTwoPassesIsOneFace() {
    List<Detection> kept =
        NonMaxSuppression.apply(List.of(NEAR, BEST), new int[] {1, 0}, 0.5f, 0.3f, 10);
    assertThat(kept).containsExactly(BEST);
  }
}
