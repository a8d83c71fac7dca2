package io.facetrail.evaluation.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.facetrail.faces.quality.GateTable;
import io.facetrail.faces.quality.Measure;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GateTableBuilderTest {
  private static Count count(long genuine, long accepted) {
    Count c = new Count();
    c.genuine = genuine;
    c.accepted = accepted;
    return c;
  }

  @Test
  void bucketsFollowTheirLowerEdges() {
    assertThat(BucketEdges.index(Measure.FACE_HEIGHT, 10)).isZero();
    assertThat(BucketEdges.index(Measure.FACE_HEIGHT, 28)).isEqualTo(1);
    assertThat(BucketEdges.index(Measure.FACE_HEIGHT, 500)).isEqualTo(5);
    assertThat(BucketEdges.label(Measure.FACE_HEIGHT, 1)).isEqualTo("28-36");
    assertThat(BucketEdges.label(Measure.FACE_HEIGHT, 5)).isEqualTo("120+");
  }

  @Test
  void acceptanceIsPooledWhereABetterBucketMeasuredLessThanAWorseOne() {
    // Worst to best: 0.2, 0.9 (noise), 0.7, 1.0 -> the middle two pooled: 1.6 / 2 ... weighted.
    double[] tar =
        GateTableBuilder.monotone(
            new Count[] {count(10, 2), count(10, 9), count(10, 7), count(10, 10)}, true);
    assertThat(tar[0]).isCloseTo(0.2, within(1e-9));
    assertThat(tar[1]).isCloseTo(0.8, within(1e-9));
    assertThat(tar[2]).isCloseTo(0.8, within(1e-9));
    assertThat(tar[3]).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void forYawTheBetterEndIsTheSmallerAngleAndEmptyBucketsTakeTheWorseNeighbour() {
    double[] tar =
        GateTableBuilder.monotone(
            new Count[] {count(20, 19), count(0, 0), count(10, 9), count(10, 3), count(0, 0)},
            false);
    // Nothing measured beyond the last bucket with faces: its value, not a refusal on no evidence.
    assertThat(tar[4]).isCloseTo(0.3, within(1e-9));
    assertThat(tar[3]).isCloseTo(0.3, within(1e-9));
    assertThat(tar[2]).isCloseTo(0.9, within(1e-9));
    assertThat(tar[1]).isCloseTo(0.9, within(1e-9));
    assertThat(tar[0]).isCloseTo(0.95, within(1e-9));
  }

  @Test
  void theTableCarriesEveryMeasureWithItsCounts() {
    Map<Measure, Map<Integer, Count>> buckets = new EnumMap<>(Measure.class);
    for (Measure m : Measure.values()) {
      Map<Integer, Count> b = new TreeMap<>();
      b.put(0, count(4, 1));
      b.put(BucketEdges.of(m).length - 1, count(4, 4));
      buckets.put(m, b);
    }
    GateTable t = GateTableBuilder.build("m", "test", 1e-3, 0.38, 0.5, buckets);
    assertThat(t.byMeasure()).containsOnlyKeys(Measure.values());
    GateTable.MeasureBuckets height = t.byMeasure().get(Measure.FACE_HEIGHT);
    assertThat(height.bucketOf(5).genuine()).isEqualTo(4);
    assertThat(height.bucketOf(5).trueAcceptRate()).isEqualTo(0.25);
    assertThat(height.bucketOf(60).trueAcceptRate()).isEqualTo(0.25);
    assertThat(height.bucketOf(200).trueAcceptRate()).isEqualTo(1.0);
  }
}
