package io.facetrail.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.proto.TrackEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProtoSerdeTest {
  private final ProtoSerde<FrameRecord> frames = RecordSerdes.frameRecord();
  private final ProtoSerde<FacesRecord> faces = RecordSerdes.facesRecord();
  private final ProtoSerde<TrackEvent> tracks = RecordSerdes.trackEvent();

  @Test
  void everyContractRoundTrips() {
    for (FrameRecord r : new FrameRecord[] {RecordSamples.frame(), RecordSamples.frameEnd()}) {
      assertThat(frames.deserialize("t", frames.serialize("t", r))).isEqualTo(r);
    }
    for (FacesRecord r : new FacesRecord[] {RecordSamples.faces(), RecordSamples.facesEmpty()}) {
      assertThat(faces.deserialize("t", faces.serialize("t", r))).isEqualTo(r);
    }
    for (TrackEvent r :
        new TrackEvent[] {
          RecordSamples.trackStarted(), RecordSamples.trackObservation(), RecordSamples.trackEnded()
        }) {
      assertThat(tracks.deserialize("t", tracks.serialize("t", r))).isEqualTo(r);
    }
  }

  @Test
  void serialisedRecordsCarryTheEnvelope() {
    byte[] bytes = frames.serialize("t", RecordSamples.frame());
    assertThat(bytes[0]).isEqualTo(RecordEnvelope.MAGIC);
    assertThat(bytes[1]).isEqualTo(RecordEnvelope.VERSION);
  }

  @Test
  void rejectsNullShortAndForeignBytes() {
    assertThatThrownBy(() -> frames.deserialize("t", null))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("tombstone");
    assertThatThrownBy(() -> frames.deserialize("t", new byte[] {RecordEnvelope.MAGIC}))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("too short");
    byte[] json = "{\"streamId\":\"cam\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> frames.deserialize("t", json))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("bad magic byte");
  }

  @Test
  void rejectsUnknownSchemaVersion() {
    byte[] bytes = frames.serialize("t", RecordSamples.frame());
    bytes[1] = 9;
    assertThatThrownBy(() -> frames.deserialize("t", bytes))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("unsupported schema version 9");
  }

  @Test
  void rejectsTruncatedPayload() {
    byte[] bytes = frames.serialize("t", RecordSamples.frame());
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);
    assertThatThrownBy(() -> frames.deserialize("t", truncated))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageStartingWith("FrameRecord:");
  }

  @Test
  void rejectsRecordsThatParseButAreInvalid() {
    FrameRecord noImage =
        RecordSamples.frame().toBuilder()
            .setFrame(
                RecordSamples.frame().getFrame().toBuilder().setImage(ByteString.EMPTY).setWidth(0))
            .build();
    byte[] bytes = RecordEnvelope.wrap(noImage.toByteArray());
    assertThatThrownBy(() -> frames.deserialize("t", bytes))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("frame.image is empty")
        .hasMessageContaining("frame.width is 0");
  }

  @Test
  void refusesToSerialiseInvalidRecords() {
    FacesRecord badCode =
        FacesRecord.newBuilder()
            .setFrameFaces(
                RecordSamples.faces().getFrameFaces().toBuilder()
                    .setFaces(
                        0,
                        RecordSamples.faces().getFrameFaces().getFaces(0).toBuilder()
                            .setCode(ByteString.copyFrom(new byte[12]))))
            .build();
    assertThatThrownBy(() -> faces.serialize("t", badCode))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("code has 12 bytes, not 128");
  }

  @Test
  void emptyBodyIsRejected() {
    byte[] bytes =
        RecordEnvelope.wrap(
            TrackEvent.newBuilder().setTrackId("x").setStreamId("s").build().toByteArray());
    assertThatThrownBy(() -> tracks.deserialize("t", bytes))
        .isInstanceOf(MalformedRecordException.class)
        .hasMessageContaining("body");
  }

  /**
   * Whatever the bytes, the serde either returns a valid record or throws the typed error: random
   * payloads, and valid records with random bytes flipped.
   */
  @Test
  void arbitraryBytesNeverCrashOrYieldInvalidRecords() {
    Random random = new Random(20261128);
    byte[][] valid = {
      frames.serialize("t", RecordSamples.frame()),
      faces.serialize("t", RecordSamples.faces()),
      tracks.serialize("t", RecordSamples.trackEnded())
    };
    for (int i = 0; i < 3000; i++) {
      byte[] bytes;
      if (i % 2 == 0) {
        byte[] payload = new byte[random.nextInt(200)];
        random.nextBytes(payload);
        bytes = RecordEnvelope.wrap(payload);
      } else {
        bytes = valid[random.nextInt(valid.length)].clone();
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
          int at =
              RecordEnvelope.HEADER_BYTES
                  + random.nextInt(bytes.length - RecordEnvelope.HEADER_BYTES);
          bytes[at] = (byte) random.nextInt(256);
        }
      }
      for (ProtoSerde<?> serde : new ProtoSerde<?>[] {frames, faces, tracks}) {
        try {
          Object record = serde.deserialize("t", bytes);
          assertThat(record).isNotNull();
        } catch (MalformedRecordException expected) {
          assertThat(expected.recordType()).isEqualTo(serde.recordType());
        }
      }
    }
  }
}
