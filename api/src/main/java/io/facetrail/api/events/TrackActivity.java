package io.facetrail.api.events;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cameras (stream ids) the tracks topic has shown tracks of, with the time of the latest.
 * Stream ids are few (one per camera), so this is not bounded beyond that.
 */
public final class TrackActivity {
  /** Camera ids kept at most, against a topic flooded with made-up stream ids. */
  static final int MAX_CAMERAS = 10_000;

  private final Map<String, Instant> lastTrackAt = new ConcurrentHashMap<>();

  void seen(String streamId, long timestampMs) {
    if (lastTrackAt.size() >= MAX_CAMERAS && !lastTrackAt.containsKey(streamId)) {
      return;
    }
    lastTrackAt.merge(streamId, Instant.ofEpochMilli(timestampMs), (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Per camera, when its latest track record was written. */
  public Map<String, Instant> cameras() {
    return Map.copyOf(lastTrackAt);
  }
}
