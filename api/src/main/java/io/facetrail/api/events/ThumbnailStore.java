package io.facetrail.api.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Per tracker track, the JPEG of its best face seen so far: the highest-quality observation's
 * thumbnail, replaced by the ended track's best face. At most {@code capacity} tracks, the least
 * recently used dropped first. Tracks whose events named a person since erased are remembered (as
 * many again, by id only) so that a late observation does not bring their face back.
 */
public final class ThumbnailStore {
  /** A thumbnail larger than this is not kept (the tracker writes a few kilobytes). */
  public static final int MAX_JPEG_BYTES = 512 * 1024;

  private record Best(byte[] jpeg, float quality, boolean ended) {}

  private final int capacity;
  private final LinkedHashMap<String, Best> best;
  private final LinkedHashMap<String, Boolean> erased;

  public ThumbnailStore(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative, got " + capacity);
    }
    this.capacity = capacity;
    this.best = lru(capacity);
    this.erased = lru(Math.max(capacity, 1));
  }

  private static <V> LinkedHashMap<String, V> lru(int max) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > max;
      }
    };
  }

  /** An observation's face: kept if better than the track's best so far and the track is open. */
  public synchronized void observed(String track, byte[] jpeg, float quality) {
    if (!acceptable(track, jpeg)) {
      return;
    }
    Best b = best.get(track);
    if (b == null || (!b.ended() && quality > b.quality())) {
      best.put(track, new Best(jpeg, quality, false));
    }
  }

  /** The ended track's best face (the tracker's choice): replaces what observations gave. */
  public synchronized void ended(String track, byte[] jpeg, float quality) {
    if (acceptable(track, jpeg)) {
      best.put(track, new Best(jpeg, quality, true));
    }
  }

  private boolean acceptable(String track, byte[] jpeg) {
    return capacity > 0
        && jpeg.length > 0
        && jpeg.length <= MAX_JPEG_BYTES
        && !erased.containsKey(track);
  }

  /** The track's best face so far. */
  public synchronized Optional<byte[]> get(String track) {
    Best b = best.get(track);
    return b == null ? Optional.empty() : Optional.of(b.jpeg());
  }

  /** Whether a face is known for the track (without counting as a use). */
  public synchronized boolean has(String track) {
    return best.containsKey(track);
  }

  /** Drops the faces of these tracks and refuses any later one. */
  public synchronized void erase(Collection<String> tracks) {
    for (String t : tracks) {
      best.remove(t);
      erased.put(t, Boolean.TRUE);
    }
  }

  public synchronized int size() {
    return best.size();
  }
}
