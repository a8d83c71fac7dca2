package io.facetrail.contracts.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.facetrail.contracts.proto.FrameTime;
import java.time.Instant;

/**
 * When a frame was seen, FaceTrail's one time type: the frame's sequence number in its stream, its
 * media time in microseconds and its capture wall-clock time in epoch milliseconds, the units of
 * {@link FrameTime} on the internal topics, of the stages' state and of the media clocks.
 *
 * <p>The identity-event JSON (schema v1, published) writes it as {@code {sequence, mediaTimeMs,
 * capturedAt}}: media time as a number of milliseconds and capture time as an ISO-8601 date-time.
 * Those names and units belong to the published schema, so the JSON is mapped to them ({@link
 * #mediaTimeMs()}, {@link #capturedAt()}) rather than to this record's components. Reading JSON
 * keeps whole microseconds and milliseconds, which is all FaceTrail writes.
 *
 * @param sequence frame sequence number in its stream
 * @param mediaTimeUs media time in microseconds
 * @param captureTimeMs capture wall-clock time, epoch milliseconds
 */
@JsonPropertyOrder({"sequence", "mediaTimeMs", "capturedAt"})
public record Moment(long sequence, @JsonIgnore long mediaTimeUs, @JsonIgnore long captureTimeMs) {

  /** The moment a frame's time on the internal topics names. */
  public static Moment of(FrameTime t) {
    return new Moment(t.getSequence(), t.getMediaTimeUs(), t.getCaptureTimeMs());
  }

  /** From the identity-event JSON's fields. */
  @JsonCreator
  public static Moment fromJson(
      @JsonProperty("sequence") long sequence,
      @JsonProperty("mediaTimeMs") double mediaTimeMs,
      @JsonProperty("capturedAt") Instant capturedAt) {
    if (capturedAt == null) {
      throw new IllegalArgumentException("capturedAt is required");
    }
    return new Moment(sequence, Math.round(mediaTimeMs * 1000), capturedAt.toEpochMilli());
  }

  /** As on the internal topics. */
  public FrameTime toFrameTime() {
    return FrameTime.newBuilder()
        .setSequence(sequence)
        .setMediaTimeUs(mediaTimeUs)
        .setCaptureTimeMs(captureTimeMs)
        .build();
  }

  /** Media time in milliseconds, as the identity-event JSON publishes it. */
  @JsonProperty("mediaTimeMs")
  public double mediaTimeMs() {
    return mediaTimeUs / 1000.0;
  }

  /** Capture wall-clock time, as the identity-event JSON publishes it. */
  @JsonProperty("capturedAt")
  public Instant capturedAt() {
    return Instant.ofEpochMilli(captureTimeMs);
  }
}
