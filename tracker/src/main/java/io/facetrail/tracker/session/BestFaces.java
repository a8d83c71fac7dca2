package io.facetrail.tracker.session;

import io.facetrail.contracts.proto.BestFace;

/**
 * Where a session keeps each open track's best face (with its thumbnail) until the track ends. Kept
 * apart from the session state because it changes rarely but is large: the session state is
 * rewritten on every frame, the best face only when a better one arrives.
 */
public interface BestFaces {
  /** The best face of a track, or null. */
  BestFace get(String trackId);

  void put(String trackId, BestFace face);

  void delete(String trackId);
}
