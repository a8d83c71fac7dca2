package io.facetrail.tracker.session;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.contracts.proto.BestFace;
import io.facetrail.contracts.proto.Box;
import io.facetrail.contracts.proto.EndOfStream;
import io.facetrail.contracts.proto.Face;
import io.facetrail.contracts.proto.FrameFaces;
import io.facetrail.contracts.proto.FrameTime;
import io.facetrail.contracts.proto.TrackEndCause;
import io.facetrail.contracts.proto.TrackEnded;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.proto.TrackObservation;
import io.facetrail.contracts.proto.TrackStarted;
import io.facetrail.tracker.box.BoundingBox;
import io.facetrail.tracker.session.SessionOutcome.Disposition;
import io.facetrail.tracker.track.Detection;
import io.facetrail.tracker.track.EndCause;
import io.facetrail.tracker.track.FaceTracker;
import io.facetrail.tracker.track.FrameResult;
import io.facetrail.tracker.track.Merge;
import io.facetrail.tracker.track.Removal;
import io.facetrail.tracker.track.Track;
import io.facetrail.tracker.track.TrackingParameters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tracks one stream and speaks the contracts: faces records in, track events out.
 *
 * <p>A track is published only once confirmed: its first observations are held back until then and
 * released after its {@code TrackStarted}, so consumers never see the short tracks of false
 * detections and every published track has observations 0, 1, 2, ... without gaps. The
 * end-of-stream record ends every open track and starts a new run, whose track numbers start again
 * at 0.
 */
public final class StreamSession {
  private final String streamId;
  private final TrackingParameters params;
  private final Map<Long, TrackLedger> ledgers;
  private FaceTracker tracker;
  private long run;
  private long lastSequence;
  private long shot;

  /**
   * Restores a session (see {@code state.SessionCodec}).
   *
   * @param shot the shot number of the last frame processed, {@link #NO_SHOT} when none had one
   */
  public StreamSession(
      String streamId,
      TrackingParameters params,
      long run,
      long lastSequence,
      long shot,
      FaceTracker tracker,
      Map<Long, TrackLedger> ledgers) {
    this.streamId = streamId;
    this.params = params;
    this.run = run;
    this.lastSequence = lastSequence;
    this.shot = shot;
    this.tracker = tracker;
    this.ledgers = new TreeMap<>(ledgers);
  }

  /** The shot number before any frame with one (producers older than contract revision 2). */
  public static final long NO_SHOT = -1;

  /** A new stream's first session. */
  public static StreamSession start(String streamId, TrackingParameters params) {
    return new StreamSession(streamId, params, 0, -1, NO_SHOT, new FaceTracker(params), Map.of());
  }

  /** The shot number of the last frame processed in this run, {@link #NO_SHOT} if unknown. */
  public long shot() {
    return shot;
  }

  public String streamId() {
    return streamId;
  }

  /** Runs completed before this one (end-of-stream records seen). */
  public long run() {
    return run;
  }

  /** Sequence number of the last frame processed in this run, -1 before the first. */
  public long lastSequence() {
    return lastSequence;
  }

  public FaceTracker tracker() {
    return tracker;
  }

  /** Ledgers of the live tracks by track number (a copy). */
  public Map<Long, TrackLedger> ledgers() {
    return new TreeMap<>(ledgers);
  }

  /** The id of this run's track with the given number. */
  public String trackId(long number) {
    return TrackIds.of(streamId, run, number);
  }

  /** Processes one frame's faces. */
  public SessionOutcome onFrame(FrameFaces frame, BestFaces bestFaces) {
    List<TrackEvent> events = new ArrayList<>();
    boolean restarted = false;
    if (frame.getSequence() <= lastSequence) {
      if (frame.getSequence() != 0) {
        return SessionOutcome.ignored();
      }
      endRun(bestFaces, events);
      restarted = true;
    }
    boolean shotChanged = frame.hasShot() && shot != NO_SHOT && frame.getShot().getNumber() != shot;
    if (frame.hasShot()) {
      shot = frame.getShot().getNumber();
    }
    if (shotChanged) {
      // The face in the same place after a cut is usually somebody else: no track, and so no
      // name, may continue across it. Re-identification starts afresh in the new shot.
      for (Removal removal : tracker.endAll(EndCause.SHOT_CHANGE)) {
        end(removal, bestFaces, events);
      }
    }
    List<Detection> detections = new ArrayList<>(frame.getFacesCount());
    for (int i = 0; i < frame.getFacesCount(); i++) {
      detections.add(detection(frame, i));
    }
    lastSequence = frame.getSequence();
    FrameTime at =
        FrameTime.newBuilder()
            .setSequence(frame.getSequence())
            .setMediaTimeUs(frame.getMediaTimeUs())
            .setCaptureTimeMs(frame.getCaptureTimeMs())
            .build();
    FrameResult result = tracker.step(frame.getMediaTimeUs(), detections);
    for (Merge merge : result.merged()) {
      resume(merge, bestFaces, events);
    }
    Set<Long> confirmedNow = new HashSet<>();
    for (Track t : result.confirmed()) {
      confirmedNow.add(t.number());
    }
    for (int i = 0; i < detections.size(); i++) {
      Track track = result.trackOfDetection()[i];
      if (track == null) {
        continue;
      }
      TrackLedger ledger =
          ledgers.computeIfAbsent(
              track.number(), n -> TrackLedger.startingAt(at, frame.getLabelsMap()));
      Face face = frame.getFaces(i);
      TrackObservation observation = observation(frame, face, at, ledger.nextIndex(at));
      String id = trackId(track.number());
      if (ledger.improvesBest(face.getQuality())) {
        bestFaces.put(id, bestFace(frame, face, at));
      }
      if (track.isConfirmed() && !confirmedNow.contains(track.number())) {
        events.add(event(id).setObservation(observation).build());
      } else {
        ledger.hold(observation);
      }
    }
    for (Track t : result.confirmed()) {
      TrackLedger ledger = ledgers.get(t.number());
      String id = trackId(t.number());
      events.add(
          event(id)
              .setStarted(
                  TrackStarted.newBuilder().setAt(ledger.first()).putAllLabels(ledger.labels()))
              .build());
      for (TrackObservation o : ledger.release()) {
        events.add(event(id).setObservation(o).build());
      }
    }
    for (Removal removal : result.removed()) {
      end(removal, bestFaces, events);
    }
    return new SessionOutcome(
        restarted ? Disposition.RESTARTED : Disposition.PROCESSED, events, shotChanged);
  }

  /** Ends every open track of the stream and starts a new run. */
  public SessionOutcome onEnd(EndOfStream end, BestFaces bestFaces) {
    List<TrackEvent> events = new ArrayList<>();
    endRun(bestFaces, events);
    return new SessionOutcome(Disposition.PROCESSED, events, false);
  }

  private void endRun(BestFaces bestFaces, List<TrackEvent> events) {
    for (Removal removal : tracker.endAll()) {
      end(removal, bestFaces, events);
    }
    ledgers.clear();
    run++;
    lastSequence = -1;
    shot = NO_SHOT;
    tracker = new FaceTracker(params);
  }

  /** Publishes a dropped new track's held-back observations as the resumed track's next ones. */
  private void resume(Merge merge, BestFaces bestFaces, List<TrackEvent> events) {
    TrackLedger from = ledgers.remove(merge.from().number());
    TrackLedger into = ledgers.get(merge.into().number());
    String intoId = trackId(merge.into().number());
    bestFaces.delete(trackId(merge.from().number()));
    if (from == null || into == null) {
      return;
    }
    for (TrackObservation held : from.release()) {
      TrackObservation moved = held.toBuilder().setIndex(into.nextIndex(held.getAt())).build();
      if (into.improvesBest(held.getQuality())) {
        bestFaces.put(
            intoId,
            BestFace.newBuilder()
                .setAt(held.getAt())
                .setBox(held.getBox())
                .setQuality(held.getQuality())
                .setCode(held.getCode())
                .setModelId(held.getModelId())
                .setThumbnailJpeg(held.getThumbnailJpeg())
                .build());
      }
      events.add(event(intoId).setObservation(moved).build());
    }
  }

  private void end(Removal removal, BestFaces bestFaces, List<TrackEvent> events) {
    long number = removal.track().number();
    String id = trackId(number);
    TrackLedger ledger = ledgers.remove(number);
    BestFace best = bestFaces.get(id);
    bestFaces.delete(id);
    if (removal.cause() == EndCause.NOT_CONFIRMED || ledger == null) {
      return; // never published, so nothing to end
    }
    TrackEnded.Builder ended =
        TrackEnded.newBuilder()
            .setFirst(ledger.first())
            .setLast(ledger.last())
            .setObservations(ledger.observations())
            .setCause(
                switch (removal.cause()) {
                  case LOST -> TrackEndCause.LOST;
                  case SHOT_CHANGE -> TrackEndCause.SHOT_CHANGE;
                  case STREAM_ENDED, NOT_CONFIRMED -> TrackEndCause.STREAM_ENDED;
                });
    if (best != null) {
      ended.setBestFace(best);
    }
    events.add(event(id).setEnded(ended).build());
  }

  private TrackEvent.Builder event(String trackId) {
    return TrackEvent.newBuilder().setTrackId(trackId).setStreamId(streamId);
  }

  private Detection detection(FrameFaces frame, int index) {
    Face face = frame.getFaces(index);
    Box b = face.getBox();
    float[] appearance;
    try {
      appearance = FaceCode.normalise(FaceCode.dequantise(face.getCode().toByteArray()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "face " + index + " of frame " + frame.getSequence() + " has an unusable code", e);
    }
    return Detection.of(
        new BoundingBox(b.getX(), b.getY(), b.getWidth(), b.getHeight()),
        face.getDetectionScore(),
        face.getQuality(),
        appearance,
        params);
  }

  private static TrackObservation observation(
      FrameFaces frame, Face face, FrameTime at, long index) {
    TrackObservation.Builder o =
        TrackObservation.newBuilder()
            .setAt(at)
            .setIndex(index)
            .setBox(face.getBox())
            .setDetectionScore(face.getDetectionScore())
            .setQuality(face.getQuality())
            .setCode(face.getCode())
            .addAllEmbedding(face.getEmbeddingList())
            .setModelId(frame.getModelId())
            .setThumbnailJpeg(face.getThumbnailJpeg());
    if (face.hasMeasures()) {
      o.setMeasures(face.getMeasures());
    }
    return o.build();
  }

  private static BestFace bestFace(FrameFaces frame, Face face, FrameTime at) {
    return BestFace.newBuilder()
        .setAt(at)
        .setBox(face.getBox())
        .setQuality(face.getQuality())
        .setCode(face.getCode())
        .setModelId(frame.getModelId())
        .setThumbnailJpeg(face.getThumbnailJpeg())
        .build();
  }
}
