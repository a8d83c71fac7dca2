package io.facetrail.evaluation.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.faces.quality.FaceMeasures;
import io.facetrail.faces.quality.Measure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The both-degraded pairing on hand-made coded faces whose codes differ in one component only, so
 * the distance between two of them is |x1 - x2| / 256 and every accept below is known in advance.
 * Judged at 0.38 and 0.30.
 */
class BothDegradedTallyTest {
  private static final double[] THRESHOLDS = {0.38, 0.30};

  private static byte[] code(int x) {
    byte[] c = new byte[FaceCode.DIMENSIONS];
    c[0] = (byte) x;
    c[1] = 20;
    return c;
  }

  private static SampleRow row(
      String person, boolean reference, Measure measure, double amount, double height, int x) {
    return new SampleRow(
        person,
        true,
        reference,
        measure,
        amount,
        new FaceMeasures(height, 0.01, 100, 5),
        0.9f,
        code(x));
  }

  /**
   * A and B as they are (measured 100 px), A and C reduced to 32 px, B's reduced probe not found.
   * C's reduced photos measured 40-41 px: another bucket than A's 30-31 px.
   */
  private static List<SampleRow> half() {
    List<SampleRow> rows = new ArrayList<>();
    rows.add(row("A", true, null, 0, 100, -100));
    rows.add(row("A", false, null, 0, 100, -90));
    rows.add(row("B", true, null, 0, 100, 100));
    rows.add(row("B", false, null, 0, 100, 110));
    rows.add(row("A", false, Measure.FACE_HEIGHT, 32, 31, 20));
    // After A's reference as it is: a tally that took it for A's reference would accept A's probe.
    rows.add(row("A", true, Measure.FACE_HEIGHT, 32, 30, 0));
    rows.add(row("B", true, Measure.FACE_HEIGHT, 32, 30, 110));
    rows.add(new SampleRow("B", true, false, Measure.FACE_HEIGHT, 32, null, 0f, null));
    rows.add(row("C", true, Measure.FACE_HEIGHT, 32, 40, 60));
    rows.add(row("C", false, Measure.FACE_HEIGHT, 32, 41, 65));
    // Blurred, yet 30 px tall by its landmarks: never one of the face-height pool's faces.
    rows.add(row("B", false, Measure.SHARPNESS, 2, 30, 0));
    return rows;
  }

  @Test
  void aBucketPairsOnlyFacesBothMeasuredIntoIt() {
    BothDegradedTally t = new BothDegradedTally(half(), THRESHOLDS);
    Map<Integer, PairCount> height = t.sameBucket.get(Measure.FACE_HEIGHT);

    PairCount small = height.get(BucketEdges.index(Measure.FACE_HEIGHT, 30));
    assertThat(small.faces).isEqualTo(3);
    assertThat(small.persons).containsExactlyInAnyOrder("A", "B");
    // A's two reduced photos (20/256 apart).
    assertThat(small.genuine).isEqualTo(1);
    assertThat(small.accepted).containsExactly(1, 1);
    // B's reference against A's reference (110/256 = 0.43) and A's probe (90/256 = 0.35).
    assertThat(small.impostors).isEqualTo(2);
    assertThat(small.falseAccepts).containsExactly(1, 0);

    PairCount c = height.get(BucketEdges.index(Measure.FACE_HEIGHT, 40));
    assertThat(c.faces).isEqualTo(2);
    assertThat(c.genuine).isEqualTo(1);
    assertThat(c.impostors).isZero();

    PairCount asTheyAre = height.get(BucketEdges.index(Measure.FACE_HEIGHT, 100));
    assertThat(asTheyAre.faces).isEqualTo(4);
    assertThat(asTheyAre.genuine).isEqualTo(2);
    assertThat(asTheyAre.accepted).containsExactly(2, 2);
    assertThat(asTheyAre.impostors).isEqualTo(4);
    assertThat(asTheyAre.falseAccepts).containsExactly(0, 0);
  }

  @Test
  void aFloorLetsThroughThePairsBothOfWhoseFacesReachIt() {
    BothDegradedTally t = new BothDegradedTally(half(), THRESHOLDS);

    PairCount from36 = t.atOrAbove(Measure.FACE_HEIGHT, BucketEdges.index(Measure.FACE_HEIGHT, 36));
    // C's pair and the two pairs as they are.
    assertThat(from36.genuine).isEqualTo(3);
    assertThat(from36.accepted).containsExactly(3, 3);
    // C's two faces against A's and B's four as they are, and A against B as they are: C's codes
    // are 35-50/256 from B's, the rest farther than 0.5.
    assertThat(from36.impostors).isEqualTo(12);
    assertThat(from36.falseAccepts).containsExactly(4, 4);

    PairCount all = t.atOrAbove(Measure.FACE_HEIGHT, 0);
    // Nine faces of three persons: 36 pairs, minus A's 6, B's 3 and C's 1 among themselves.
    assertThat(all.impostors).isEqualTo(36 - 6 - 3 - 1);
    assertThat(all.genuine).isEqualTo(4);
  }

  @Test
  void aMeasuresPoolHoldsThePhotosDegradedAlongItAndThoseAsTheyAre() {
    BothDegradedTally t = new BothDegradedTally(half(), THRESHOLDS);
    long sharpnessFaces =
        t.sameBucket.get(Measure.SHARPNESS).values().stream().mapToLong(c -> c.faces).sum();
    assertThat(sharpnessFaces).isEqualTo(5);
    // The blurred probe has no degraded reference: no genuine pair beyond the two as they are.
    long sharpnessGenuine = t.atOrAbove(Measure.SHARPNESS, 0).genuine;
    assertThat(sharpnessGenuine).isEqualTo(2);
  }

  @Test
  void theSingleDegradedTallyJudgesProbesAgainstReferencesAsTheyAreOnly() {
    QualityTally t = new QualityTally(half(), 0.38);
    Count reduced = t.byDegradation.get("height 32px");
    // A's reduced probe is 120/256 = 0.47 from A's reference as it is; C has none.
    assertThat(reduced.genuine).isEqualTo(1);
    assertThat(reduced.accepted).isZero();
  }

  @Test
  void theFloorIsTheWorstBucketFromWhichEveryBetterOneStaysWithinThreeTimesTheTarget() {
    Map<Integer, PairCount> buckets =
        Map.of(
            1, pairs(2000, 9), // 4.5e-3: over 3x 1e-3
            2, pairs(400, 0), // too few pairs to show a false accept at 1e-3: no evidence
            3, pairs(2000, 5), // 2.5e-3
            4, pairs(5000, 2));
    assertThat(BothDegradedFloor.of(Measure.FACE_HEIGHT, buckets, 0, 1e-3)).isEqualTo(3);
    assertThat(BothDegradedFloor.worstRatio(Measure.FACE_HEIGHT, buckets, 3, 0, 1e-3))
        .isEqualTo(2.5, org.assertj.core.api.Assertions.within(1e-9));
    Map<Integer, PairCount> bestFails = Map.of(4, pairs(2000, 7), 3, pairs(2000, 0));
    assertThat(BothDegradedFloor.of(Measure.FACE_HEIGHT, bestFails, 0, 1e-3)).isEqualTo(-1);
  }

  private static PairCount pairs(long impostors, long falseAccepts) {
    PairCount c = new PairCount(1);
    c.impostors = impostors;
    c.falseAccepts[0] = falseAccepts;
    return c;
  }
}
