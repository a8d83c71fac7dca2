package io.facetrail.contracts.record;

import io.facetrail.contracts.proto.Frame;
import io.facetrail.contracts.proto.FrameRecord;
import io.facetrail.contracts.proto.ImageEncoding;
import io.facetrail.contracts.serde.RecordValidator;
import java.util.List;

/** Validates records of the frames topic. */
public final class FrameRecordValidator implements RecordValidator<FrameRecord> {
  @Override
  public List<String> problems(FrameRecord record) {
    Problems p = new Problems();
    switch (record.getBodyCase()) {
      case FRAME -> frame(p, record.getFrame());
      case END_OF_STREAM -> p.endOfStream("end_of_stream", record.getEndOfStream());
      case BODY_NOT_SET -> p.require(false, "body", "is neither a frame nor an end-of-stream");
    }
    return p.list();
  }

  private static void frame(Problems p, Frame f) {
    p.streamId("frame.stream_id", f.getStreamId());
    p.require(f.getSequence() >= 0, "frame.sequence", "is negative");
    p.require(f.getMediaTimeUs() >= 0, "frame.media_time_us", "is negative");
    p.require(f.getCaptureTimeMs() > 0, "frame.capture_time_ms", "is not set");
    p.frameSize("frame", f.getWidth(), f.getHeight());
    p.require(
        f.getEncoding() != ImageEncoding.IMAGE_ENCODING_UNSPECIFIED
            && f.getEncoding() != ImageEncoding.UNRECOGNIZED,
        "frame.encoding",
        "is not set");
    p.require(!f.getImage().isEmpty(), "frame.image", "is empty");
    p.require(
        f.getImage().size() <= Problems.MAX_IMAGE_BYTES,
        "frame.image",
        "is larger than " + Problems.MAX_IMAGE_BYTES + " bytes");
    p.shot("frame.shot", f.hasShot(), f.getShot());
  }
}
