package io.facetrail.embedder.service;

import io.facetrail.contracts.proto.FacesRecord;
import io.facetrail.contracts.proto.Frame;
import io.facetrail.contracts.proto.FrameFaces;
import io.facetrail.embedder.analyze.FrameOutcome;

/** Builds the faces record of an analysed frame. */
final class BatchOutput {
  private BatchOutput() {}

  static FacesRecord facesOf(Frame frame, FrameOutcome.Analyzed outcome, String modelId) {
    FrameFaces.Builder out =
        FrameFaces.newBuilder()
            .setStreamId(frame.getStreamId())
            .setSequence(frame.getSequence())
            .setMediaTimeUs(frame.getMediaTimeUs())
            .setCaptureTimeMs(frame.getCaptureTimeMs())
            .setWidth(frame.getWidth())
            .setHeight(frame.getHeight())
            .putAllLabels(frame.getLabelsMap())
            .addAllFaces(outcome.faces());
    if (!outcome.faces().isEmpty()) {
      out.setModelId(modelId);
    }
    if (frame.hasShot()) {
      // The tracker ends its tracks where the shot changes; a frame without faces still carries
      // its shot, so a cut is seen even when the first frames after it show nobody.
      out.setShot(frame.getShot());
    }
    return FacesRecord.newBuilder().setFrameFaces(out).build();
  }
}
