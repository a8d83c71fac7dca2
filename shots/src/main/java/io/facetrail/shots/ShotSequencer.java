package io.facetrail.shots;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the frames a stream publishes their shot: every decoded frame goes to the detector, the
 * published ones are held until the detector has decided their shot (at most its lookahead), then
 * released in order with the shot number and, on the first published frame of a new shot, the
 * boundary that began it. Not thread-safe: one per stream.
 *
 * @param <T> what is published for a frame (e.g. the decoded picture waiting to be encoded)
 */
public final class ShotSequencer<T> {
  /**
   * A published frame with its shot.
   *
   * @param number shots before this one in the stream
   * @param change the boundary that began this shot, on its first released frame only; else null
   */
  public record Released<T>(T item, long number, ShotBoundary change) {}

  private record Held<T>(long index, T item) {}

  private final ShotBoundaryDetector detector;
  private final ArrayDeque<Held<T>> held = new ArrayDeque<>();
  private final ArrayDeque<ShotBoundary> ahead = new ArrayDeque<>();
  private final Map<ShotBoundary.Kind, Long> counts = new EnumMap<>(ShotBoundary.Kind.class);
  private long number;
  private ShotBoundary unreported;

  public ShotSequencer(ShotSettings settings) {
    this.detector = new ShotBoundaryDetector(settings);
  }

  /**
   * Takes the next decoded frame.
   *
   * @param signature the frame's signature
   * @param item what is published for it, or null when sampling leaves it out
   * @return the held items whose shot is now decided, in order
   */
  public List<Released<T>> push(FrameSignature signature, T item) {
    long index = detector.frames();
    if (item != null) {
      held.addLast(new Held<>(index, item));
    }
    take(detector.push(signature));
    return release(detector.decidedThrough());
  }

  /** The stream ended: releases everything still held. */
  public List<Released<T>> finish() {
    take(detector.finish());
    return release(Long.MAX_VALUE);
  }

  /** Items held back, waiting for the detector. */
  public int heldCount() {
    return held.size();
  }

  /** Items held back, oldest first (e.g. to free them when the stream is abandoned). */
  public List<T> drain() {
    List<T> out = new ArrayList<>(held.size());
    held.forEach(h -> out.add(h.item()));
    held.clear();
    return out;
  }

  /** Boundaries found so far of the given kind. */
  public long boundaries(ShotBoundary.Kind kind) {
    return counts.getOrDefault(kind, 0L);
  }

  private void take(List<ShotBoundary> found) {
    for (ShotBoundary b : found) {
      ahead.addLast(b);
      counts.merge(b.kind(), 1L, Long::sum);
    }
  }

  private List<Released<T>> release(long decidedThrough) {
    List<Released<T>> out = new ArrayList<>();
    while (!held.isEmpty() && held.peekFirst().index() <= decidedThrough) {
      Held<T> h = held.removeFirst();
      while (!ahead.isEmpty() && ahead.peekFirst().frameIndex() <= h.index()) {
        unreported = ahead.removeFirst();
        number++;
      }
      out.add(new Released<>(h.item(), number, unreported));
      unreported = null;
    }
    return out;
  }
}
