package io.facetrail.matcher.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.contracts.identity.Moment;
import java.io.IOException;
import java.io.InputStream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class UnknownTrackTest {
  @Test
  void roundTripsInTheCurrentEncoding() {
    byte[] code = new byte[128];
    code[3] = 42;
    UnknownTrack u =
        new UnknownTrack(
            "cam-1/2-8",
            "cam-1",
            "m",
            code,
            4,
            new Moment(20, 666_667, 1_765_000_000_567L),
            new Moment(31, 1_033_333, 1_765_000_000_933L),
            new byte[] {(byte) 0xFF, (byte) 0xD8},
            1_765_086_400_000L);
    byte[] bytes = u.toBytes();
    assertThat(bytes[0]).isEqualTo(UnknownTrack.VERSION);
    UnknownTrack back = UnknownTrack.fromBytes(bytes);
    assertThat(back.trackId()).isEqualTo("cam-1/2-8");
    assertThat(back.streamId()).isEqualTo("cam-1");
    assertThat(back.modelId()).isEqualTo("m");
    assertThat(back.code()).isEqualTo(code);
    assertThat(back.goodFrames()).isEqualTo(4);
    assertThat(back.firstSeen()).isEqualTo(u.firstSeen());
    assertThat(back.lastSeen()).isEqualTo(u.lastSeen());
    assertThat(back.bestFaceJpeg()).containsExactly(0xFF, 0xD8);
    assertThat(back.expiresAtMs()).isEqualTo(1_765_086_400_000L);
    assertThat(back.storeKey()).isEqualTo(u.storeKey());
  }

  /**
   * A record as the builds before the protobuf encoding stored it (written by that build's
   * UnknownTrack.toBytes, commit e6915e8): refused with a message saying why, not misread.
   */
  @Test
  void aRecordInTheHandWrittenLayoutIsRefusedClearly() throws IOException {
    byte[] old;
    try (InputStream in = getClass().getResourceAsStream("unknown-track-format1.bin")) {
      old = in.readAllBytes();
    }
    assertThatThrownBy(() -> UnknownTrack.fromBytes(old))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("builds before the protobuf state encoding")
        .hasMessageContaining("deletes it when it expires");
  }

  @Test
  void aVersionFromANewerBuildIsRefused() {
    assertThatThrownBy(() -> UnknownTrack.fromBytes(new byte[] {7, 1, 2}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("format version 7, this build reads 2");
  }
}
