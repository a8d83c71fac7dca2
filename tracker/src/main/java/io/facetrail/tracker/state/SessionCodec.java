package io.facetrail.tracker.state;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.facetrail.contracts.proto.TrackObservation;
import io.facetrail.tracker.box.BoundingBox;
import io.facetrail.tracker.kalman.KalmanState;
import io.facetrail.tracker.session.StreamSession;
import io.facetrail.tracker.session.TrackLedger;
import io.facetrail.tracker.state.proto.Phase;
import io.facetrail.tracker.state.proto.StoredBox;
import io.facetrail.tracker.state.proto.StreamStateRecord;
import io.facetrail.tracker.state.proto.TrackRecord;
import io.facetrail.tracker.track.FaceTracker;
import io.facetrail.tracker.track.Track;
import io.facetrail.tracker.track.TrackPhase;
import io.facetrail.tracker.track.TrackingParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes and reads a {@link StreamSession}. The first byte is the format version, so that a tracker
 * meeting state written by a newer build stops with a clear error instead of misreading it.
 */
public final class SessionCodec {
  /** Format version written by this build. */
  static final byte VERSION = 1;

  private final TrackingParameters params;

  /**
   * @param params the parameters restored sessions run with
   */
  public SessionCodec(TrackingParameters params) {
    this.params = params;
  }

  public byte[] encode(StreamSession session) {
    StreamStateRecord.Builder b =
        StreamStateRecord.newBuilder()
            .setStreamId(session.streamId())
            .setRun(session.run())
            .setNextTrackNumber(session.tracker().nextNumber())
            .setLastSequence(session.lastSequence());
    if (session.shot() != StreamSession.NO_SHOT) {
      b.setShot(session.shot());
    }
    Map<Long, TrackLedger> ledgers = session.ledgers();
    for (Track t : session.tracker().tracks()) {
      b.addTracks(track(t, ledgers.get(t.number())));
    }
    byte[] payload = b.build().toByteArray();
    byte[] out = new byte[payload.length + 1];
    out[0] = VERSION;
    System.arraycopy(payload, 0, out, 1, payload.length);
    return out;
  }

  /**
   * Reads a session back.
   *
   * @throws CorruptStateException when the bytes are not a session of a known format version
   */
  public StreamSession decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new CorruptStateException("empty tracker state");
    }
    if (bytes[0] != VERSION) {
      throw new CorruptStateException(
          "tracker state has format version "
              + bytes[0]
              + ", this build reads "
              + VERSION
              + ": run the tracker version that wrote it, or reset the application");
    }
    StreamStateRecord r;
    try {
      r = StreamStateRecord.parseFrom(ByteString.copyFrom(bytes, 1, bytes.length - 1));
    } catch (InvalidProtocolBufferException e) {
      throw new CorruptStateException("tracker state cannot be parsed: " + e.getMessage(), e);
    }
    List<Track> tracks = new ArrayList<>(r.getTracksCount());
    Map<Long, TrackLedger> ledgers = new TreeMap<>();
    for (TrackRecord t : r.getTracksList()) {
      tracks.add(track(t));
      ledgers.put(t.getNumber(), ledger(t));
    }
    return new StreamSession(
        r.getStreamId(),
        params,
        r.getRun(),
        r.getLastSequence(),
        r.hasShot() ? r.getShot() : StreamSession.NO_SHOT,
        new FaceTracker(params, r.getNextTrackNumber(), tracks),
        ledgers);
  }

  private static TrackRecord track(Track t, TrackLedger ledger) {
    KalmanState k = t.motion();
    BoundingBox box = t.lastBox();
    TrackRecord.Builder b =
        TrackRecord.newBuilder()
            .setNumber(t.number())
            .setPhase(
                switch (t.phase()) {
                  case TENTATIVE -> Phase.TENTATIVE;
                  case CONFIRMED -> Phase.CONFIRMED;
                  case LOST -> Phase.LOST;
                })
            .setMotionTimeUs(k.timeUs())
            .setHits(t.hits())
            .setBestScore(t.bestScore())
            .setLastSeenUs(t.lastSeenUs())
            .setLastBox(
                StoredBox.newBuilder()
                    .setX(box.x())
                    .setY(box.y())
                    .setWidth(box.width())
                    .setHeight(box.height()));
    for (double v : k.mean()) {
      b.addMean(v);
    }
    for (double v : k.covariance()) {
      b.addCovariance(v);
    }
    if (t.appearance() != null) {
      for (float v : t.appearance()) {
        b.addAppearance(v);
      }
    }
    if (ledger != null) {
      b.setFirst(ledger.first())
          .setLast(ledger.last())
          .setObservations(ledger.observations())
          .setBestQuality(ledger.bestQuality())
          .putAllLabels(ledger.labels());
      for (TrackObservation o : ledger.pending()) {
        b.addPending(o.toByteString());
      }
    }
    return b.build();
  }

  private static Track track(TrackRecord r) {
    if (r.getMeanCount() != KalmanState.DIM
        || r.getCovarianceCount() != KalmanState.DIM * KalmanState.DIM) {
      throw new CorruptStateException("track " + r.getNumber() + " has a malformed Kalman state");
    }
    double[] mean = r.getMeanList().stream().mapToDouble(Double::doubleValue).toArray();
    double[] cov = r.getCovarianceList().stream().mapToDouble(Double::doubleValue).toArray();
    float[] appearance = null;
    if (r.getAppearanceCount() > 0) {
      appearance = new float[r.getAppearanceCount()];
      for (int i = 0; i < appearance.length; i++) {
        appearance[i] = r.getAppearance(i);
      }
    }
    TrackPhase phase =
        switch (r.getPhase()) {
          case TENTATIVE -> TrackPhase.TENTATIVE;
          case CONFIRMED -> TrackPhase.CONFIRMED;
          case LOST -> TrackPhase.LOST;
          default ->
              throw new CorruptStateException(
                  "track " + r.getNumber() + " has no valid phase: " + r.getPhase());
        };
    StoredBox b = r.getLastBox();
    return new Track(
        r.getNumber(),
        phase,
        new KalmanState(mean, cov, r.getMotionTimeUs()),
        appearance,
        r.getHits(),
        r.getLastSeenUs(),
        new BoundingBox(b.getX(), b.getY(), b.getWidth(), b.getHeight()),
        // Tracks stored before the score was kept were all started by confident detections.
        r.hasBestScore() ? r.getBestScore() : 1f);
  }

  private static TrackLedger ledger(TrackRecord r) {
    List<TrackObservation> pending = new ArrayList<>(r.getPendingCount());
    for (ByteString bytes : r.getPendingList()) {
      try {
        pending.add(TrackObservation.parseFrom(bytes));
      } catch (InvalidProtocolBufferException e) {
        throw new CorruptStateException(
            "track " + r.getNumber() + " holds an unreadable pending observation", e);
      }
    }
    return new TrackLedger(
        r.getFirst(),
        r.getLast(),
        r.getLabelsMap(),
        r.getObservations(),
        r.getBestQuality(),
        pending);
  }
}
