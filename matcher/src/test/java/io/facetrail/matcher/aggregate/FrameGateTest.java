package io.facetrail.matcher.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.facetrail.contracts.proto.FaceMeasures;
import io.facetrail.contracts.proto.TrackObservation;
import io.facetrail.faces.pipeline.FacePipeline;
import org.junit.jupiter.api.Test;

class FrameGateTest {
  private static TrackObservation obs(String model, float quality, FaceMeasures m) {
    TrackObservation.Builder b =
        TrackObservation.newBuilder().setModelId(model).setQuality(quality);
    if (m != null) {
      b.setMeasures(m);
    }
    return b.build();
  }

  /** A face of the given brightness; under 8 grey levels the shipped table refuses it. */
  private static FaceMeasures measures(float brightness, float yaw) {
    return FaceMeasures.newBuilder()
        .setHeightPx(110)
        .setSharpness(0.02f)
        .setBrightness(brightness)
        .setYawDegrees(yaw)
        .build();
  }

  @Test
  void measuredFacesAreJudgedByTheShippedTableWhateverTheirQualityScore() {
    FrameGate gate = FrameGate.measured(0.3, null);
    String model = FacePipeline.MODEL_ID;
    assertThat(gate.judge(obs(model, 0.1f, measures(110, 5)))).isEmpty();
    assertThat(gate.judge(obs(model, 0.9f, measures(5, 5)))).contains(FrameProblem.TOO_DARK);
  }

  @Test
  void facesWithoutMeasuresOrTableFallBackToTheQualityScore() {
    FrameGate gate = FrameGate.measured(0.3, null);
    assertThat(gate.judge(obs(FacePipeline.MODEL_ID, 0.2f, null)))
        .contains(FrameProblem.LOW_QUALITY);
    assertThat(gate.judge(obs(FacePipeline.MODEL_ID, 0.4f, null))).isEmpty();
    assertThat(gate.judge(obs("a-model-without-table", 0.2f, measures(5, 5))))
        .contains(FrameProblem.LOW_QUALITY);
  }

  @Test
  void theExpertFloorOverridesTheTablesOwn() {
    FrameGate open = FrameGate.measured(0.3, 0.0);
    assertThat(open.judge(obs(FacePipeline.MODEL_ID, 0.1f, measures(5, 80)))).isEmpty();
    FrameGate shut = FrameGate.measured(0.3, 0.9);
    // Brightness 12-18 was accepted 58 times of 65 (fit half, 0.89): below a floor of 0.9.
    assertThat(shut.judge(obs(FacePipeline.MODEL_ID, 0.9f, measures(14, 5))))
        .contains(FrameProblem.TOO_DARK);
  }

  @Test
  void aTrackCountsItsUnusedFramesByProblemAndKeepsThemThroughItsCodec() {
    FrameGate gate = FrameGate.measured(0.3, null);
    TrackState s = new TrackState("t", "s");
    String model = FacePipeline.MODEL_ID;
    s.observe(obs(model, 0.9f, measures(5, 5)), gate, 100);
    s.observe(obs(model, 0.9f, measures(6, 5)), gate, 100);
    s.observe(obs(model, 0.2f, null), gate, 100);
    assertThat(s.unused(FrameProblem.TOO_DARK)).isEqualTo(2);
    assertThat(s.unused(FrameProblem.LOW_QUALITY)).isEqualTo(1);
    assertThat(s.goodFrames()).isZero();
    TrackStateCodec codec = new TrackStateCodec();
    TrackState back = codec.deserialize("t", codec.serialize("t", s));
    assertThat(back.unused(FrameProblem.TOO_DARK)).isEqualTo(2);
    assertThat(back.unused(FrameProblem.LOW_QUALITY)).isEqualTo(1);
    assertThat(back.observations()).isEqualTo(3);
  }

  @Test
  void aMeasuredFaceWithAQualityScoreOfZeroCountsWithAWeightInTheTrack() {
    // The gate admits it whatever its score; the mean once refused the weight 0 and the record
    // went to the dead-letter topic (seen in AllInOneIT on 2026-12-07).
    byte[] code = new byte[128];
    code[0] = 127;
    TrackObservation zero =
        obs(FacePipeline.MODEL_ID, 0f, measures(110, 5)).toBuilder()
            .setCode(ByteString.copyFrom(code))
            .build();
    TrackState s = new TrackState("t", "s");
    assertThat(s.observe(zero, FrameGate.measured(0.3, null), 10)).isTrue();
    assertThat(s.goodFrames()).isEqualTo(1);
  }
}
