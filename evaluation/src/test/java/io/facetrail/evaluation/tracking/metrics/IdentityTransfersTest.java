package io.facetrail.evaluation.tracking.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.tracker.box.BoundingBox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityTransfersTest {
  private final IdentityTransfers transfers = new IdentityTransfers(0.5, 3);
  private final List<FrameTruth> truth = new ArrayList<>();
  private final List<List<LabelledBox>> hypotheses = new ArrayList<>();

  /** One frame: ground-truth object {@code object} at x, covered by track {@code track}. */
  private void frame(long object, long track) {
    truth.add(new FrameTruth(List.of(box(object)), List.of()));
    hypotheses.add(track < 0 ? List.of() : List.of(box(track)));
  }

  @Test
  void aTrackThatMovesOntoAnotherPersonCountsEveryFrameItCoversThem() {
    for (int f = 0; f < 5; f++) {
      frame(1, 7); // track 7 on person 1: identified as person 1
    }
    for (int f = 0; f < 4; f++) {
      frame(2, 7); // the same track now on person 2: four frames with the wrong name
    }
    assertThat(transfers.count(truth, hypotheses, id -> id)).isEqualTo(4);
  }

  @Test
  void thePersonSeenAgainUnderAnotherObjectIdIsNoTransfer() {
    for (int f = 0; f < 5; f++) {
      frame(1, 7);
    }
    for (int f = 0; f < 5; f++) {
      frame(3, 7); // object 3 is person 1 again (after a cut, say)
    }
    assertThat(transfers.count(truth, hypotheses, id -> id == 3 ? 1 : id)).isZero();
  }

  @Test
  void aTrackTooShortToBeNamedTransfersNothing() {
    frame(1, 7);
    frame(1, 7);
    frame(2, 7);
    frame(2, -1);
    assertThat(transfers.count(truth, hypotheses, id -> id)).isZero();
  }

  private static LabelledBox box(long id) {
    return new LabelledBox(id, new BoundingBox(100, 100, 80, 100));
  }
}
