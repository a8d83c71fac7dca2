package io.facetrail.trainer.harmonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.trainer.triplet.MinedTriplets;
import io.facetrail.trainer.triplet.TripletMiner;
import org.junit.jupiter.api.Test;

class MixedModelMiningTest {
  /** A unit vector at angle {@code degrees} in the plane. */
  private static float[] at(double degrees) {
    double r = Math.toRadians(degrees);
    return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
  }

  /** The triplet row with this anchor and positive, or -1. */
  private static int rowOf(MinedTriplets t, int anchor, int positive) {
    for (int i = 0; i < t.size(); i++) {
      if (t.anchors()[i] == anchor && t.positives()[i] == positive) {
        return i;
      }
    }
    return -1;
  }

  // Rows 0-3 are v2 (trained), 4-7 v1 (frozen) embeddings of the same four faces: faces 0 and 1
  // are person 0, faces 2 and 3 person 1.
  private static final int[] LABELS = {0, 0, 1, 1, 0, 0, 1, 1};
  private static final boolean[] FROZEN = {false, false, false, false, true, true, true, true};

  @Test
  void usesEveryPairOfAPersonExceptThoseOnlyV1CanServe() {
    float[][] e = {at(0), at(20), at(90), at(100), at(5), at(15), at(95), at(105)};
    MinedTriplets t = new TripletMiner(0.2).mine(e, LABELS, FROZEN);

    // 4 rows per person: 4 x 3 ordered anchor-positive pairs each, all usable.
    assertThat(t.size()).isEqualTo(24);
    for (int i = 0; i < t.size(); i++) {
      boolean allFrozen =
          FROZEN[t.anchors()[i]] && FROZEN[t.positives()[i]] && FROZEN[t.negatives()[i]];
      assertThat(allFrozen).as("triplet %d is all v1, a constant", i).isFalse();
      assertThat(LABELS[t.positives()[i]]).isEqualTo(LABELS[t.anchors()[i]]);
      assertThat(LABELS[t.negatives()[i]]).isNotEqualTo(LABELS[t.anchors()[i]]);
    }
    // Mixed triplets exist in both directions: a v2 anchor with its own face's v1 embedding as
    // the positive, and a v1 anchor with a v2 positive.
    assertThat(rowOf(t, 0, 4)).isNotNegative();
    assertThat(rowOf(t, 4, 0)).isNotNegative();
  }

  @Test
  void choosesTheClosestSemiHardNegativeAcrossModels() {
    // v2 anchor 0 at 0 degrees, its v1 positive 4 at 30 (squared distance 0.268). Negatives: v2
    // row 2 at 60 (1.0, beyond the margin) and v1 row 6 at 38 (0.424, semi-hard): v1's is taken.
    float[][] e = {at(0), at(10), at(60), at(120), at(30), at(12), at(38), at(130)};
    MinedTriplets t = new TripletMiner(0.2).mine(e, LABELS, FROZEN);

    assertThat(t.negatives()[rowOf(t, 0, 4)]).isEqualTo(6);
  }

  @Test
  void aV1AnchorAndPositiveTakeTheirNegativeFromV2() {
    // v1 anchor 4 at 0 degrees, v1 positive 5 at 30 (0.268). v1 row 6 at 38 (0.424) is the
    // closest semi-hard negative, but a triplet of three v1 rows cannot be trained: v2 row 2 at 39
    // (0.446, semi-hard too) is taken.
    float[][] e = {at(2), at(28), at(39), at(150), at(0), at(30), at(38), at(160)};
    MinedTriplets t = new TripletMiner(0.2).mine(e, LABELS, FROZEN);

    assertThat(t.negatives()[rowOf(t, 4, 5)]).isEqualTo(2);
    // With the v2 positive 1 at 28 (0.234) the v1 negative is allowed again, and only it is
    // semi-hard (v2 row 2, 0.446, is beyond 0.234 + 0.2).
    assertThat(t.negatives()[rowOf(t, 4, 1)]).isEqualTo(6);
  }

  @Test
  void rejectsMismatchedInputs() {
    float[][] e = {at(0), at(10)};
    assertThatThrownBy(() -> new TripletMiner(0.2).mine(e, new int[] {0, 0}, new boolean[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TripletMiner(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
