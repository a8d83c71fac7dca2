package io.facetrail.api.cameras;

import java.time.Instant;
import java.util.Locale;

/**
 * One camera (stream) as {@code GET /api/v1/cameras} shows it.
 *
 * @param id the stream id (the {@code streamId} of its events)
 * @param state see {@link State}
 * @param input the input without credentials, null when only events name the camera
 * @param decodeFps frames decoded per second lately, null when unknown
 * @param lastFrameAgeSeconds seconds since the last decoded frame, null when unknown
 * @param lastEventAt when the newest identity event in memory was emitted, null if none
 * @param events identity events of this camera in memory
 * @param source {@code ingest} (an ingest service reports it) or {@code events} (only the topics)
 */
public record CameraStatus(
    String id,
    String state,
    String input,
    Double decodeFps,
    Double lastFrameAgeSeconds,
    Instant lastEventAt,
    int events,
    String source) {
  /** Where a camera is. */
  public enum State {
    /** Decoding and publishing. */
    LIVE,
    /** Opening its input for the first time. */
    CONNECTING,
    /** Lost its input and waiting to retry. */
    RECONNECTING,
    /** Its input ended. */
    ENDED,
    /** Its input failed for good. */
    FAILED,
    /** Its ingest service did not answer the last status request (last known status shown). */
    UNREACHABLE,
    /** No ingest service reports it: only its events or tracks are known. */
    SEEN;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Ingest's stream state (connecting, running, reconnecting, ended; failed) in the API's words,
     * {@link #SEEN} when unknown: the one mapping for ingest's status over HTTP and in process.
     */
    public static State ofIngest(String ingest) {
      if (ingest == null) {
        return SEEN;
      }
      return switch (ingest.toLowerCase(java.util.Locale.ROOT)) {
        case "running" -> LIVE;
        case "connecting" -> CONNECTING;
        case "reconnecting" -> RECONNECTING;
        case "ended" -> ENDED;
        case "failed" -> FAILED;
        default -> SEEN;
      };
    }
  }

  public static final String SOURCE_INGEST = "ingest";
  public static final String SOURCE_EVENTS = "events";

  /** A camera an ingest service reports (events filled in later). */
  public static CameraStatus fromIngest(
      String id, State state, String input, Double decodeFps, Double lastFrameAgeSeconds) {
    return new CameraStatus(
        id, state.id(), input, decodeFps, lastFrameAgeSeconds, null, 0, SOURCE_INGEST);
  }

  /** The same camera with its events. */
  public CameraStatus withEvents(Instant lastEventAt, int events) {
    return new CameraStatus(
        id, state, input, decodeFps, lastFrameAgeSeconds, lastEventAt, events, source);
  }

  /** The same camera marked unreachable, its last known input kept. */
  public CameraStatus unreachable() {
    return new CameraStatus(
        id, State.UNREACHABLE.id(), input, null, null, lastEventAt, events, source);
  }
}
