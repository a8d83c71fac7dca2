package io.facetrail.trainer.triplet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TripletMinerTest {
  /** A unit vector at angle {@code degrees} in the plane. */
  private static float[] at(double degrees) {
    double r = Math.toRadians(degrees);
    return new float[] {(float) Math.cos(r), (float) Math.sin(r)};
  }

  /** Squared chord length between unit vectors {@code degrees} apart. */
  private static double sq(double degrees) {
    return 2 - 2 * Math.cos(Math.toRadians(degrees));
  }

  @Test
  void picksTheClosestSemiHardNegativeNotTheHardest() {
    // Anchor 0 and positive 1 are 30 degrees apart (d = 0.134). Negatives: 2 at 10 degrees is
    // closer than the positive (hard, not semi-hard); 3 at 40 degrees (d = 0.234) and 4 at 45
    // (d = 0.293) are semi-hard (within 0.134 + 0.2); 5 at 120 degrees is easy.
    float[][] e = {at(0), at(30), at(10), at(40), at(45), at(120)};
    int[] labels = {0, 0, 1, 2, 3, 4};
    MinedTriplets t = new TripletMiner(0.2).mine(e, labels);

    int row = rowOf(t, 0, 1);
    assertThat(t.negatives()[row]).isEqualTo(3);
    assertThat(sq(40)).isBetween(sq(30), sq(30) + 0.2);
  }

  @Test
  void fallsBackToTheHardestNegativeWhenNoneIsSemiHard() {
    // Positive at 30 degrees; negatives at 20 (hard) and 10 (hardest) and 150 (far beyond the
    // margin): no semi-hard negative, so the hardest (10 degrees) is used.
    float[][] e = {at(0), at(30), at(20), at(10), at(150)};
    int[] labels = {0, 0, 1, 2, 3};
    MinedTriplets t = new TripletMiner(0.2).mine(e, labels);

    assertThat(t.negatives()[rowOf(t, 0, 1)]).isEqualTo(3);
  }

  @Test
  void usesEveryAnchorPositivePairAndCountsSemiHardAndActive() {
    // Two identities of two faces: pairs (0,1), (1,0), (2,3), (3,2).
    float[][] e = {at(0), at(20), at(90), at(100)};
    int[] labels = {7, 7, 9, 9};
    MinedTriplets t = new TripletMiner(0.2).mine(e, labels);

    assertThat(t.size()).isEqualTo(4);
    for (int i = 0; i < t.size(); i++) {
      assertThat(labels[t.anchors()[i]]).isEqualTo(labels[t.positives()[i]]);
      assertThat(t.anchors()[i]).isNotEqualTo(t.positives()[i]);
      assertThat(labels[t.negatives()[i]]).isNotEqualTo(labels[t.anchors()[i]]);
    }
    // Anchor 1 (20 degrees), positive 0: d = sq(20) = 0.121; negative 2, 70 degrees away
    // (d = 1.316), is beyond the margin: no semi-hard one, and the triplet is inactive.
    int row = rowOf(t, 1, 0);
    assertThat(t.negatives()[row]).isEqualTo(2);
    assertThat(t.semiHard()).isZero();
    assertThat(t.active()).isZero();
    assertThat(t.activeFraction()).isZero();
  }

  @Test
  void activeCountsTripletsInsideTheMargin() {
    // Positive at 30 degrees (d = 0.134), the only negative at 40 (d = 0.234): semi-hard and
    // active (0.134 - 0.234 + 0.2 > 0), for anchor 0; for anchor 1 the negative is closer than the
    // anchor, so hard (fallback) and active too.
    float[][] e = {at(0), at(30), at(40)};
    int[] labels = {0, 0, 1};
    MinedTriplets t = new TripletMiner(0.2).mine(e, labels);

    assertThat(t.size()).isEqualTo(2);
    assertThat(t.semiHard()).isEqualTo(1);
    assertThat(t.active()).isEqualTo(2);
    assertThat(t.activeFraction()).isEqualTo(1.0);
  }

  @Test
  void aBatchOfOneIdentityHasNoTriplets() {
    MinedTriplets t = new TripletMiner(0.2).mine(new float[][] {at(0), at(10)}, new int[] {1, 1});
    assertThat(t.size()).isZero();
  }

  @Test
  void rejectsMismatchedLabelsAndBadMargins() {
    assertThatThrownBy(() -> new TripletMiner(0.2).mine(new float[][] {at(0)}, new int[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TripletMiner(0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static int rowOf(MinedTriplets t, int anchor, int positive) {
    for (int i = 0; i < t.size(); i++) {
      if (t.anchors()[i] == anchor && t.positives()[i] == positive) {
        return i;
      }
    }
    throw new AssertionError("no triplet for anchor " + anchor + ", positive " + positive);
  }
}
