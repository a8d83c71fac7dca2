package io.facetrail.contracts.record;

import io.facetrail.contracts.proto.FrameTime;
import io.facetrail.contracts.proto.TrackEndCause;
import io.facetrail.contracts.proto.TrackEnded;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.proto.TrackObservation;
import io.facetrail.contracts.serde.RecordValidator;
import java.util.List;

/** Validates records of the tracks topic. */
public final class TrackEventValidator implements RecordValidator<TrackEvent> {
  @Override
  public List<String> problems(TrackEvent event) {
    Problems p = new Problems();
    p.require(!event.getTrackId().isBlank(), "track_id", "is empty");
    p.streamId("stream_id", event.getStreamId());
    switch (event.getBodyCase()) {
      case STARTED ->
          frameTime(p, "started.at", event.getStarted().hasAt(), event.getStarted().getAt());
      case OBSERVATION -> observation(p, event.getObservation());
      case ENDED -> ended(p, event.getEnded());
      case BODY_NOT_SET -> p.require(false, "body", "is not started, observation or ended");
    }
    return p.list();
  }

  private static void observation(Problems p, TrackObservation o) {
    frameTime(p, "observation.at", o.hasAt(), o.getAt());
    p.require(o.getIndex() >= 0, "observation.index", "is negative");
    p.require(o.hasBox(), "observation.box", "is missing");
    p.box("observation.box", o.getBox());
    p.unitScore("observation.detection_score", o.getDetectionScore());
    p.unitScore("observation.quality", o.getQuality());
    p.faceCode("observation.code", o.getCode(), true);
    p.require(!o.getModelId().isBlank(), "observation.model_id", "is empty");
  }

  private static void ended(Problems p, TrackEnded e) {
    frameTime(p, "ended.first", e.hasFirst(), e.getFirst());
    frameTime(p, "ended.last", e.hasLast(), e.getLast());
    p.require(e.getObservations() >= 0, "ended.observations", "is negative");
    p.require(
        e.getCause() != TrackEndCause.TRACK_END_CAUSE_UNSPECIFIED
            && e.getCause() != TrackEndCause.UNRECOGNIZED,
        "ended.cause",
        "is not set");
    if (e.hasBestFace()) {
      p.faceCode("ended.best_face.code", e.getBestFace().getCode(), false);
      p.unitScore("ended.best_face.quality", e.getBestFace().getQuality());
    }
  }

  private static void frameTime(Problems p, String path, boolean present, FrameTime t) {
    p.require(present, path, "is missing");
    p.require(t.getSequence() >= 0, path + ".sequence", "is negative");
    p.require(t.getMediaTimeUs() >= 0, path + ".media_time_us", "is negative");
  }
}
