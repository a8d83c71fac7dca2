package io.facetrail.faces.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionTest {
  @Test
  void keepsTheBestOfOverlappingBoxesAndDisjointOnes() {
    Detection best = new Detection(new FaceBox(10, 10, 100, 100), 0.9f);
    Detection overlapping = new Detection(new FaceBox(15, 12, 100, 100), 0.8f);
    Detection apart = new Detection(new FaceBox(300, 300, 50, 50), 0.6f);
    List<Detection> kept = NonMaxSuppression.apply(List.of(overlapping, apart, best), 0.5f, 10);
    assertThat(kept).containsExactly(best, apart);
  }

  @Test
  void respectsTheResultLimit() {
    Detection a = new Detection(new FaceBox(0, 0, 10, 10), 0.9f);
    Detection b = new Detection(new FaceBox(100, 0, 10, 10), 0.8f);
    assertThat(NonMaxSuppression.apply(List.of(a, b), 0.5f, 1)).containsExactly(a);
  }

  @Test
  void iouOfIdenticalAndDisjointBoxes() {
    FaceBox box = new FaceBox(1, 2, 3, 4);
    assertThat(box.iou(box)).isEqualTo(1f);
    assertThat(box.iou(new FaceBox(10, 10, 1, 1))).isZero();
  }
}
