package io.facetrail.app.report;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.contracts.identity.Moment;
import io.facetrail.contracts.identity.PersonRef;
import io.facetrail.contracts.proto.Box;
import io.facetrail.contracts.proto.FrameTime;
import io.facetrail.contracts.proto.TrackEnded;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.proto.TrackObservation;
import io.facetrail.contracts.proto.TrackStarted;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Records of the tracks and identity topics, and timelines, for the report tests. */
public final class TimelineFixtures {
  private TimelineFixtures() {}

  public static TrackEvent started(String stream, String track, long atUs) {
    return TrackEvent.newBuilder()
        .setStreamId(stream)
        .setTrackId(track)
        .setStarted(TrackStarted.newBuilder().setAt(time(atUs)))
        .build();
  }

  public static TrackEvent observed(String stream, String track, long atUs, float x, float y) {
    return TrackEvent.newBuilder()
        .setStreamId(stream)
        .setTrackId(track)
        .setObservation(
            TrackObservation.newBuilder()
                .setAt(time(atUs))
                .setBox(Box.newBuilder().setX(x).setY(y).setWidth(50).setHeight(60)))
        .build();
  }

  /** The tracker's end of {@code track}, first seen at {@code fromUs}, last at {@code toUs}. */
  public static TrackEvent ended(String stream, String track, long fromUs, long toUs) {
    return TrackEvent.newBuilder()
        .setStreamId(stream)
        .setTrackId(track)
        .setEnded(TrackEnded.newBuilder().setFirst(time(fromUs)).setLast(time(toUs)))
        .build();
  }

  private static FrameTime time(long atUs) {
    return FrameTime.newBuilder().setMediaTimeUs(atUs).build();
  }

  /** An identity event of {@code track}; {@code person} null for an unknown face. */
  public static IdentityEvent identity(
      IdentityEventType type,
      String stream,
      String track,
      String person,
      double fromMs,
      double toMs) {
    PersonRef ref = person == null ? null : new PersonRef("p-" + person.hashCode(), person);
    return new IdentityEvent(
        IdentityEvent.SCHEMA_VERSION,
        "e-" + track + "-" + type,
        type,
        stream,
        track,
        ref,
        null,
        null,
        0.4,
        0.9,
        1e-3,
        null,
        null,
        null,
        new Moment(1, Math.round(fromMs * 1000), 0),
        new Moment(2, Math.round(toMs * 1000), 0),
        5,
        "model",
        Instant.EPOCH,
        Map.of());
  }

  /** {@code e} as decided at an FPIR with {@code gallerySize} persons enrolled. */
  public static IdentityEvent atFpir(IdentityEvent e, double fpir, int gallerySize) {
    return new IdentityEvent(
        e.schemaVersion(),
        e.eventId(),
        e.type(),
        e.streamId(),
        e.trackId(),
        e.person(),
        e.previousPerson(),
        e.clusterId(),
        e.distance(),
        e.threshold(),
        e.falseAcceptRate(),
        fpir,
        gallerySize,
        e.secondDistance(),
        e.firstSeen(),
        e.lastSeen(),
        e.framesUsed(),
        e.modelId(),
        e.emittedAt(),
        e.labels());
  }

  /** A video with Alice in two tracks (0.5-2 s, 2.6-4 s), Bob (3-6 s) and one unknown face. */
  public static VideoTimeline cast() {
    return new VideoTimeline(
        "lobby & hall.mp4",
        "s1",
        8_000,
        new InputOutcome(InputOutcome.Status.COMPLETED, "", 80, 40, 0),
        List.of(
            track("s1/t3", "bob", "Bob", 3_000, 6_000),
            track("s1/t1", "alice", "Alice <A>", 500, 2_000),
            track("s1/t2", "alice", "Alice <A>", 2_600, 4_000),
            track("s1/t4", null, null, 6_500, 7_500)));
  }

  public static TrackRecord track(String id, String personId, String name, double from, double to) {
    return new TrackRecord(
        id,
        personId,
        name,
        new TimeRange(from, to),
        Math.round((to - from) / 200) + 1,
        personId == null ? 1.3 : 0.5,
        0.9,
        new FaceImage(new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2}, null, 0.7));
  }
}
