package io.facetrail.matcher.aggregate;

import io.facetrail.contracts.identity.Moment;
import io.facetrail.contracts.proto.FrameTime;
import java.time.Instant;

/**
 * When a frame was seen, as kept in track state.
 *
 * @param sequence frame sequence number in its stream
 * @param mediaTimeUs media time in microseconds
 * @param captureTimeMs capture wall-clock time, epoch milliseconds
 */
public record Seen(long sequence, long mediaTimeUs, long captureTimeMs) {
  public static Seen of(FrameTime t) {
    return new Seen(t.getSequence(), t.getMediaTimeUs(), t.getCaptureTimeMs());
  }

  /** As published in identity events. */
  public Moment toMoment() {
    return new Moment(sequence, mediaTimeUs / 1000.0, Instant.ofEpochMilli(captureTimeMs));
  }
}
