package io.facetrail.matcher.testing;

import com.google.protobuf.ByteString;
import io.facetrail.contracts.proto.BestFace;
import io.facetrail.contracts.proto.Box;
import io.facetrail.contracts.proto.FrameTime;
import io.facetrail.contracts.proto.TrackEndCause;
import io.facetrail.contracts.proto.TrackEnded;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.proto.TrackObservation;
import io.facetrail.contracts.proto.TrackStarted;

/** Builds the records of one track as the tracker would publish them, at 5 fps. */
public final class TrackEvents {
  private final String trackId;
  private final String streamId;
  private final long baseMs;

  public TrackEvents(String trackId, String streamId, long baseMs) {
    this.trackId = trackId;
    this.streamId = streamId;
    this.baseMs = baseMs;
  }

  public static FrameTime at(long sequence, long baseMs) {
    return FrameTime.newBuilder()
        .setSequence(sequence)
        .setMediaTimeUs(sequence * 200_000)
        .setCaptureTimeMs(baseMs + sequence * 200)
        .build();
  }

  public TrackEvent started(long sequence) {
    return TrackEvent.newBuilder()
        .setTrackId(trackId)
        .setStreamId(streamId)
        .setStarted(
            TrackStarted.newBuilder().setAt(at(sequence, baseMs)).putLabels("camera", "lobby"))
        .build();
  }

  public TrackEvent observation(
      long sequence, long index, byte[] code, float quality, String model) {
    return TrackEvent.newBuilder()
        .setTrackId(trackId)
        .setStreamId(streamId)
        .setObservation(
            TrackObservation.newBuilder()
                .setAt(at(sequence, baseMs))
                .setIndex(index)
                .setBox(Box.newBuilder().setX(10).setY(10).setWidth(80).setHeight(100))
                .setDetectionScore(0.95f)
                .setQuality(quality)
                .setCode(ByteString.copyFrom(code))
                .setModelId(model))
        .build();
  }

  public TrackEvent ended(long first, long last, long observations, byte[] bestCode, String model) {
    return TrackEvent.newBuilder()
        .setTrackId(trackId)
        .setStreamId(streamId)
        .setEnded(
            TrackEnded.newBuilder()
                .setFirst(at(first, baseMs))
                .setLast(at(last, baseMs))
                .setObservations(observations)
                .setCause(TrackEndCause.LOST)
                .setBestFace(
                    BestFace.newBuilder()
                        .setAt(at(first, baseMs))
                        .setBox(Box.newBuilder().setX(10).setY(10).setWidth(80).setHeight(100))
                        .setQuality(0.9f)
                        .setCode(ByteString.copyFrom(bestCode))
                        .setModelId(model)
                        .setThumbnailJpeg(
                            ByteString.copyFrom(new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2}))))
        .build();
  }
}
