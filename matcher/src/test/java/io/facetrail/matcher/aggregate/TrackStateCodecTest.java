package io.facetrail.matcher.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.contracts.identity.Moment;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TrackStateCodecTest {
  /**
   * Format 3's trailing fields of the golden state: part, last agreeing sighting (present), dissent
   * sum, weight and count, first dissenting sighting (present).
   */
  private static final int PARTS_BYTES = 4 + 25 + 128 * 4 + 8 + 4 + 25;

  private final TrackStateCodec codec = new TrackStateCodec();

  /**
   * A state as the last build with the hand-written layout (format 3) stored it: written by that
   * build's TrackStateCodec (commit e6915e8) from the values asserted in {@link #assertExample}.
   */
  static byte[] format3() throws IOException {
    try (InputStream in =
        TrackStateCodecTest.class.getResourceAsStream("track-state-format3.bin")) {
      return in.readAllBytes();
    }
  }

  @Test
  void stateAnOlderBuildWroteIsReadWholeAndMarkedForRewriting() throws IOException {
    byte[] old = format3();
    assertThat(old[0]).isEqualTo((byte) 3);

    TrackState s = codec.deserialize("t", old);
    assertExample(s);
    assertThat(s.readFromOlderFormat()).isTrue();

    byte[] rewritten = codec.serialize("t", s);
    assertThat(rewritten[0]).isEqualTo(TrackStateCodec.VERSION);
    TrackState back = codec.deserialize("t", rewritten);
    assertExample(back);
    assertThat(back.readFromOlderFormat()).isFalse();
  }

  @Test
  void theCurrentEncodingKeepsAFreshStatesAbsentValues() {
    TrackState back = codec.deserialize("t", codec.serialize("t", new TrackState("a/1-1", "a")));
    assertThat(back.firstSeen()).isNull();
    assertThat(back.lastSeen()).isNull();
    assertThat(back.personId()).isNull();
    assertThat(back.candidateId()).isNull();
    assertThat(back.lastThreshold()).isNaN();
    assertThat(back.lastFpir()).isNaN();
    assertThat(back.lastGallerySize()).isEqualTo(-1);
    assertThat(back.goodFrames()).isZero();
    assertThat(back.readFromOlderFormat()).isFalse();
  }

  @Test
  void readsFormatTwoAsOnePartWithNoDissent() throws IOException {
    byte[] format3 = format3();
    byte[] older = Arrays.copyOf(format3, format3.length - PARTS_BYTES);
    older[0] = 2;
    TrackState back = codec.deserialize("t", older);
    assertThat(back.lastGallerySize()).isEqualTo(1000);
    assertThat(back.eventTrackId()).isEqualTo("cam-1/2-7");
    assertThat(back.dissenting()).isZero();
    assertThat(back.lastAgreeing).isEqualTo(back.lastSeen());
    assertThat(back.readFromOlderFormat()).isTrue();
  }

  @Test
  void readsStateWrittenBeforeTheOperatingPointWasKept() throws IOException {
    byte[] format3 = format3();
    // Format 1 was format 2 without the FAR (8 bytes), FPIR (8) and gallery size (4).
    byte[] older = Arrays.copyOf(format3, format3.length - PARTS_BYTES - 20);
    older[0] = 1;
    TrackState back = codec.deserialize("t", older);
    assertThat(back.lastThreshold()).isEqualTo(0.4);
    assertThat(back.lastFalseAcceptRate()).isNaN();
    assertThat(back.lastFpir()).isNaN();
    assertThat(back.lastGallerySize()).isEqualTo(-1);
    assertThat(back.readFromOlderFormat()).isTrue();
  }

  @Test
  void aVersionFromANewerBuildIsRefusedClearly() {
    byte[] newer = codec.serialize("t", new TrackState("a/1-1", "a"));
    newer[0] = 5;
    assertThatThrownBy(() -> codec.deserialize("t", newer))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("format version 5, this build reads 4")
        .hasMessageContaining("reset the application");
  }

  /** The values the golden format-3 state was written from. */
  static void assertExample(TrackState s) {
    assertThat(s.trackId()).isEqualTo("cam-1/2-7");
    assertThat(s.streamId()).isEqualTo("cam-1");
    assertThat(s.modelId()).isEqualTo("dlib-resnet-v1");
    assertThat(s.labels())
        .containsExactly(java.util.Map.entry("site", "hq"), java.util.Map.entry("camera", "door"));
    assertThat(s.mean.count()).isEqualTo(2);
    assertThat(s.mean.weight()).isEqualTo(0.9 + 0.45);
    assertThat(s.mean.rawSum()[0]).isEqualTo((float) (0.6f * 0.9));
    assertThat(s.mean.rawSum()[2]).isEqualTo((float) (1f * 0.45));
    assertThat(s.observations).isEqualTo(5);
    assertThat(s.firstSeen()).isEqualTo(new Moment(3, 100_000, 1_765_000_000_000L));
    assertThat(s.lastSeen()).isEqualTo(new Moment(11, 366_667, 1_765_000_000_267L));
    assertThat(s.personId()).isEqualTo("p-17");
    assertThat(s.candidateId()).isEqualTo("p-4");
    assertThat(s.candidateStreak).isEqualTo(1);
    assertThat(s.changes()).isEqualTo(2);
    assertThat(s.lastDistance).isEqualTo(0.31);
    assertThat(s.lastSecondDistance).isEqualTo(0.52);
    assertThat(s.lastThreshold()).isEqualTo(0.4);
    assertThat(s.pending()).isTrue();
    assertThat(s.ended()).isFalse();
    assertThat(s.unevaluated()).isEqualTo(1);
    assertThat(s.lastActivityMs()).isEqualTo(1_765_000_001_000L);
    assertThat(s.lastFalseAcceptRate()).isEqualTo(1e-5);
    assertThat(s.lastFpir()).isEqualTo(0.01);
    assertThat(s.lastGallerySize()).isEqualTo(1000);
    assertThat(s.eventTrackId()).isEqualTo("cam-1/2-7/s1");
    assertThat(s.lastAgreeing).isEqualTo(new Moment(9, 300_000, 1_765_000_000_200L));
    assertThat(s.dissenting()).isEqualTo(1);
    assertThat(s.dissent.weight()).isEqualTo(0.7);
    assertThat(s.dissent.rawSum()[5]).isEqualTo((float) (-1f * 0.7));
    assertThat(s.dissentFrom).isEqualTo(new Moment(10, 333_333, 1_765_000_000_233L));
  }
}
