package io.facetrail.contracts.serde;

import com.google.protobuf.ByteString;
import io.facetrail.contracts.proto.BestFace;
import io.facetrail.contracts.proto.Box;
import io.facetrail.contracts.proto.EndOfStream;
import io.facetrail.contracts.proto.EndReason;
import io.facetrail.contracts.proto.Face;
import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.proto.Frame;
import io.facetrail.contracts.proto.FrameFaces;
import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.proto.FrameTime;
import io.facetrail.contracts.proto.ImageEncoding;
import io.facetrail.contracts.proto.TrackEndCause;
import io.facetrail.contracts.proto.TrackEnded;
import io.facetrail.contracts.proto.TrackEvent;
import io.facetrail.contracts.proto.TrackObservation;
import io.facetrail.contracts.proto.TrackStarted;

/** Valid records of every contract, for tests. */
public final class RecordSamples {
  private RecordSamples() {}

  public static FrameRecord frame() {
    return FrameRecord.newBuilder()
        .setFrame(
            Frame.newBuilder()
                .setStreamId("cam-1")
                .setSequence(7)
                .setMediaTimeUs(280_000)
                .setCaptureTimeMs(1_764_300_000_000L)
                .setWidth(640)
                .setHeight(480)
                .setEncoding(ImageEncoding.JPEG)
                .setImage(ByteString.copyFrom(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3}))
                .putLabels("site", "lobby"))
        .build();
  }

  public static EndOfStream endOfStream() {
    return EndOfStream.newBuilder()
        .setStreamId("cam-1")
        .setLastSequence(7)
        .setFramesPublished(8)
        .setReason(EndReason.COMPLETED)
        .setEndTimeMs(1_764_300_001_000L)
        .build();
  }

  public static FrameRecord frameEnd() {
    return FrameRecord.newBuilder().setEndOfStream(endOfStream()).build();
  }

  public static byte[] code(int seed) {
    byte[] code = new byte[128];
    for (int i = 0; i < code.length; i++) {
      code[i] = (byte) ((i * 31 + seed * 17) % 200 - 100);
    }
    return code;
  }

  public static Box box() {
    return Box.newBuilder().setX(10).setY(20).setWidth(64).setHeight(80).build();
  }

  public static FacesRecord faces() {
    Face.Builder face =
        Face.newBuilder()
            .setBox(box())
            .setDetectionScore(0.98f)
            .setQuality(0.7f)
            .setCode(ByteString.copyFrom(code(1)));
    for (int i = 0; i < 136; i++) {
      face.addLandmarks(i);
    }
    return FacesRecord.newBuilder()
        .setFrameFaces(
            FrameFaces.newBuilder()
                .setStreamId("cam-1")
                .setSequence(7)
                .setMediaTimeUs(280_000)
                .setCaptureTimeMs(1_764_300_000_000L)
                .setWidth(640)
                .setHeight(480)
                .setModelId("test-model")
                .addFaces(face))
        .build();
  }

  public static FacesRecord facesEmpty() {
    return FacesRecord.newBuilder()
        .setFrameFaces(
            FrameFaces.newBuilder()
                .setStreamId("cam-1")
                .setSequence(8)
                .setWidth(640)
                .setHeight(480))
        .build();
  }

  public static FrameTime at(long sequence) {
    return FrameTime.newBuilder()
        .setSequence(sequence)
        .setMediaTimeUs(sequence * 40_000)
        .setCaptureTimeMs(1_764_300_000_000L + sequence * 40)
        .build();
  }

  public static TrackEvent trackStarted() {
    return TrackEvent.newBuilder()
        .setTrackId("cam-1/1-1")
        .setStreamId("cam-1")
        .setStarted(TrackStarted.newBuilder().setAt(at(3)))
        .build();
  }

  public static TrackEvent trackObservation() {
    return TrackEvent.newBuilder()
        .setTrackId("cam-1/1-1")
        .setStreamId("cam-1")
        .setObservation(
            TrackObservation.newBuilder()
                .setAt(at(4))
                .setIndex(1)
                .setBox(box())
                .setDetectionScore(0.9f)
                .setQuality(0.8f)
                .setCode(ByteString.copyFrom(code(2)))
                .setModelId("test-model"))
        .build();
  }

  public static TrackEvent trackEnded() {
    return TrackEvent.newBuilder()
        .setTrackId("cam-1/1-1")
        .setStreamId("cam-1")
        .setEnded(
            TrackEnded.newBuilder()
                .setFirst(at(3))
                .setLast(at(9))
                .setObservations(7)
                .setCause(TrackEndCause.STREAM_ENDED)
                .setBestFace(
                    BestFace.newBuilder()
                        .setAt(at(5))
                        .setBox(box())
                        .setQuality(0.9f)
                        .setCode(ByteString.copyFrom(code(3)))
                        .setModelId("test-model")))
        .build();
  }
}
