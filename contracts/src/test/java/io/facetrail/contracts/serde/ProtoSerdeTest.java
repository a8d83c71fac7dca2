package io.facetrail.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.proto.TrackEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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

  /** Whatever the bytes, the serde either returns a valid record or throws the typed error. */
  @Property(tries = 2000)
  void arbitraryBytesNeverCrashOrYieldInvalidRecords(@ForAll byte[] payload) {
    byte[] bytes = RecordEnvelope.wrap(payload);
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
