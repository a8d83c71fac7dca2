package io.facetrail.app.index;

import io.facetrail.contracts.identity.IdentityEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latest {@link Sighting} of every track of every stream, from the identity topic (keyed by
 * track, so each track's events arrive in order: the last one read is its final decision's).
 * Thread-safe: the identity feed calls it from its own thread.
 */
final class Sightings {
  private final Map<String, Map<String, Sighting>> streams = new LinkedHashMap<>();

  synchronized void onIdentity(IdentityEvent e) {
    streams
        .computeIfAbsent(e.streamId(), k -> new LinkedHashMap<>())
        .put(e.trackId(), Sighting.of(e));
  }

  /** The sightings of a stream's tracks by track id (a copy). */
  synchronized Map<String, Sighting> of(String streamId) {
    return new LinkedHashMap<>(streams.getOrDefault(streamId, Map.of()));
  }

  /** Drops a stream's sightings (its timeline has been written). */
  synchronized void forget(String streamId) {
    streams.remove(streamId);
  }
}
