package io.facetrail.evaluation.clusters;

import com.google.protobuf.ByteString;
import io.facetrail.contracts.proto.FrameTime;
import io.facetrail.contracts.proto.TrackObservation;
import io.facetrail.evaluation.tracking.detect.DetectedFace;
import io.facetrail.faces.quality.FaceMeasures;
import io.facetrail.matcher.aggregate.FrameGate;
import io.facetrail.matcher.aggregate.TrackState;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.decision.DecisionSettings;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Folds a track's faces as the matcher does ({@code TrackMatcher} and {@code TrackArchiving}): each
 * face becomes the observation the tracker would publish, goes through the matcher's measured
 * quality gate into its {@link TrackState} (the quality-weighted mean and the best frames), and a
 * track with at least one good frame becomes the {@link ArchivedTrack} the archive would store.
 */
public final class TrackFolder {
  private final FrameGate gate;
  private final int maxObservations;
  private final String modelId;
  private final Instant start;

  /**
   * @param modelId the embedding model of the codes
   * @param start the wall-clock time of every camera's first frame (the cameras run together)
   */
  public TrackFolder(DecisionSettings settings, String modelId, Instant start) {
    this.gate = FrameGate.measured(settings.minQuality(), settings.qualityFloor());
    this.maxObservations = settings.maxObservations();
    this.modelId = modelId;
    this.start = start;
  }

  /** The archived track, or empty when none of its faces passes the gate (nothing is archived). */
  public Optional<FoldedTrack> fold(VideoTrack track) {
    TrackState state = new TrackState(track.trackId(), track.streamId());
    long index = 0;
    for (VideoTrack.Sighting s : track.sightings()) {
      state.observe(observation(s, index++), gate, maxObservations);
    }
    if (state.goodFrames() == 0) {
      return Optional.empty();
    }
    Instant archivedAt = start.plusNanos(track.endUs() * 1000);
    return Optional.of(
        new FoldedTrack(
            track.truth(),
            new ArchivedTrack(
                track.trackId(),
                track.streamId(),
                state.modelId(),
                state.firstSeen(),
                state.lastSeen(),
                archivedAt,
                state.goodFrames(),
                state.aggregateCode(),
                state.bestFrameCodes(),
                new byte[0],
                Map.of(),
                state.faceQuality())));
  }

  private TrackObservation observation(VideoTrack.Sighting s, long index) {
    DetectedFace face = s.face();
    TrackObservation.Builder o =
        TrackObservation.newBuilder()
            .setAt(
                FrameTime.newBuilder()
                    .setSequence(s.frame())
                    .setMediaTimeUs(s.timeUs())
                    .setCaptureTimeMs(start.toEpochMilli() + s.timeUs() / 1000))
            .setIndex(index)
            .setDetectionScore(face.score())
            .setQuality(face.quality())
            .setCode(ByteString.copyFrom(face.code()))
            .setModelId(modelId);
    FaceMeasures m = face.measures();
    if (m != null) {
      o.setMeasures(
          io.facetrail.contracts.proto.FaceMeasures.newBuilder()
              .setHeightPx((float) m.heightPx())
              .setSharpness((float) m.sharpness())
              .setBrightness((float) m.brightness())
              .setYawDegrees((float) m.yawDegrees()));
    }
    return o.build();
  }
}
