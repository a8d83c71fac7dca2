package io.facetrail.tracker.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.proto.FrameTime;
import io.facetrail.tracker.state.proto.StreamStateRecord;
import io.facetrail.tracker.state.proto.TrackRecord;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The track's first and last sighting were a private {@code Moment} message until 2026-12-07 and
 * are the contracts' {@code FrameTime} since: the same three fields under the same numbers, so
 * state written with the old message reads unchanged and re-encodes to the same bytes.
 */
class StateProtoCompatibilityTest {
  @Test
  void stateWrittenWithTheOldMomentMessageReadsAsFrameTimes() throws IOException {
    byte[] old;
    // Written by the build before the change (commit e6915e8) with the Moment message.
    try (InputStream in = getClass().getResourceAsStream("stream-state-moment.bin")) {
      old = in.readAllBytes();
    }
    StreamStateRecord r = StreamStateRecord.parseFrom(old);
    TrackRecord t = r.getTracks(0);
    assertThat(t.getFirst())
        .isEqualTo(
            FrameTime.newBuilder()
                .setSequence(12)
                .setMediaTimeUs(400_000)
                .setCaptureTimeMs(1_765_000_000_400L)
                .build());
    assertThat(t.getLast().getSequence()).isEqualTo(30);
    assertThat(t.getLast().getMediaTimeUs()).isEqualTo(1_000_000);
    assertThat(t.getLast().getCaptureTimeMs()).isEqualTo(1_765_000_001_000L);
    assertThat(t.getFirst().getUnknownFields().asMap()).isEmpty();
    assertThat(r.toByteArray()).isEqualTo(old);
  }
}
