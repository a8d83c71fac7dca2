package io.facetrail.faces.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityGateTest {
  private static GateTable.Bucket bucket(double from, double tar) {
    return new GateTable.Bucket(from, 100, Math.round(tar * 100), tar, 1000, 1);
  }

  private static final GateTable TABLE =
      new GateTable(
          "test-model",
          "hand-made",
          1e-3,
          0.4,
          0.5,
          List.of(
              new GateTable.MeasureBuckets(
                  Measure.FACE_HEIGHT,
                  // Given out of order: the table sorts its buckets by lower edge.
                  List.of(bucket(36, 0.6), bucket(0, 0.1), bucket(28, 0.45), bucket(50, 0.9))),
              new GateTable.MeasureBuckets(
                  Measure.YAW, List.of(bucket(0, 0.95), bucket(45, 0.7), bucket(75, 0.2))),
              new GateTable.MeasureBuckets(
                  Measure.BRIGHTNESS, List.of(bucket(0, 0.05), bucket(30, 0.8))),
              new GateTable.MeasureBuckets(
                  Measure.SHARPNESS, List.of(bucket(0, 0.3), bucket(0.05, 0.9)))));

  @Test
  void aValueBelongsToTheLastBucketWhoseLowerEdgeItReaches() {
    GateTable.MeasureBuckets height = TABLE.byMeasure().get(Measure.FACE_HEIGHT);
    assertThat(height.bucketOf(-3).from()).isEqualTo(0);
    assertThat(height.bucketOf(27.9).from()).isEqualTo(0);
    assertThat(height.bucketOf(28).from()).isEqualTo(28);
    assertThat(height.bucketOf(49.99).from()).isEqualTo(36);
    assertThat(height.bucketOf(500).from()).isEqualTo(50);
  }

  @Test
  void aGoodFacePasses() {
    QualityGate gate = new QualityGate(TABLE, 0.5);
    assertThat(gate.failing(new FaceMeasures(80, 0.2, 120, 10))).isEmpty();
  }

  @Test
  void theFirstFailingMeasureInGateOrderIsTheReason() {
    QualityGate gate = new QualityGate(TABLE, 0.5);
    assertThat(gate.failing(new FaceMeasures(30, 0.2, 120, 10))).contains(Measure.FACE_HEIGHT);
    assertThat(gate.failing(new FaceMeasures(80, 0.2, 120, 80))).contains(Measure.YAW);
    assertThat(gate.failing(new FaceMeasures(80, 0.01, 120, 10))).contains(Measure.SHARPNESS);
    // Small, dark, turned and blurred at once: reported as too small.
    assertThat(gate.failing(new FaceMeasures(10, 0.01, 5, 80))).contains(Measure.FACE_HEIGHT);
    // Dark and blurred: the darkness is the cause, it comes first.
    assertThat(gate.failing(new FaceMeasures(80, 0.01, 5, 10))).contains(Measure.BRIGHTNESS);
  }

  @Test
  void theFloorDecidesWhichBucketsCount() {
    FaceMeasures threeQuarter = new FaceMeasures(80, 0.2, 120, 50);
    assertThat(new QualityGate(TABLE, 0.5).failing(threeQuarter)).isEmpty();
    assertThat(new QualityGate(TABLE, 0.75).failing(threeQuarter)).contains(Measure.YAW);
    assertThat(new QualityGate(TABLE, 0).failing(new FaceMeasures(1, 0, 0, 90))).isEmpty();
    assertThatThrownBy(() -> new QualityGate(TABLE, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTableRoundTripsThroughJson() {
    GateTable back =
        GateTable.read(new ByteArrayInputStream(TABLE.toJson().getBytes(StandardCharsets.UTF_8)));
    assertThat(back.modelId()).isEqualTo("test-model");
    assertThat(back.byMeasure().get(Measure.YAW).bucketOf(50).trueAcceptRate()).isEqualTo(0.7);
  }

  @Test
  void theShippedTableLetsFrontalLargeSharpFacesThroughAndRefusesTheDarkest() {
    GateTable shipped =
        GateTable.forModel(io.facetrail.faces.pipeline.FacePipeline.MODEL_ID).orElseThrow();
    QualityGate gate = new QualityGate(shipped, shipped.floor());
    assertThat(shipped.byMeasure()).containsOnlyKeys(Measure.values());
    assertThat(gate.failing(new FaceMeasures(110, 0.02, 110, 5))).isEmpty();
    // Measured (eval quality, fit half): faces under 8 grey levels were accepted 32 times of 63.
    assertThat(gate.failing(new FaceMeasures(110, 0.02, 5, 5))).contains(Measure.BRIGHTNESS);
  }
}
