package io.facetrail.contracts.serde;

import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.record.FacesRecordValidator;
import io.facetrail.contracts.record.FrameRecordValidator;
import io.facetrail.contracts.record.TrackEventValidator;

/** The serdes of the binary record types. */
public final class RecordSerdes {
  private RecordSerdes() {}

  public static ProtoSerde<FrameRecord> frameRecord() {
    return new ProtoSerde<>("FrameRecord", FrameRecord.parser(), new FrameRecordValidator());
  }

  public static ProtoSerde<FacesRecord> facesRecord() {
    return new ProtoSerde<>("FacesRecord", FacesRecord.parser(), new FacesRecordValidator());
  }

  public static ProtoSerde<TrackEvent> trackEvent() {
    return new ProtoSerde<>("TrackEvent", TrackEvent.parser(), new TrackEventValidator());
  }
}
