package io.facetrail.app.report.video;

import io.facetrail.app.report.TrackBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which boxes a frame of the annotated video shows. Only sampled frames were analysed: a frame
 * within half a frame interval of an observation shows it as observed; a frame between two
 * observations of a track shows the box interpolated between them (unless they are further apart
 * than {@link #MAX_INTERPOLATION_US}); a frame shortly after a track's last observation holds that
 * box for one sampling interval. Interpolated and held boxes are drawn differently.
 */
public final class BoxSchedule {
  /** Tracks can coast over missed detections for seconds; guessing a box over longer gaps lies. */
  static final long MAX_INTERPOLATION_US = 2_000_000;

  /** How a box on a frame came about. */
  public enum Kind {
    OBSERVED,
    INTERPOLATED,
    HELD
  }

  /**
   * One box to draw.
   *
   * @param trackId the track
   * @param box where
   * @param kind observed on this frame, or estimated
   */
  public record Overlay(String trackId, TrackBox box, Kind kind) {}

  private final Map<String, List<TrackBox>> tracks;
  private final long holdUs;

  /**
   * @param tracks each track's observed boxes in time order
   * @param sampleIntervalUs the time between analysed frames (how long a last box is held)
   */
  public BoxSchedule(Map<String, List<TrackBox>> tracks, long sampleIntervalUs) {
    this.tracks = Map.copyOf(tracks);
    this.holdUs = sampleIntervalUs;
  }

  /** The boxes of the frame at {@code atUs}, whose frames are {@code frameIntervalUs} apart. */
  public List<Overlay> at(long atUs, long frameIntervalUs) {
    long half = Math.max(1, frameIntervalUs / 2);
    List<Overlay> out = new ArrayList<>();
    for (Map.Entry<String, List<TrackBox>> t : tracks.entrySet()) {
      Overlay o = overlay(t.getKey(), t.getValue(), atUs, half);
      if (o != null) {
        out.add(o);
      }
    }
    return out;
  }

  private Overlay overlay(String id, List<TrackBox> boxes, long at, long half) {
    // Boxes within half a frame of this one belong to it; later ones to later frames.
    int i = lastAtOrBefore(boxes, at + half - 1);
    if (i < 0) {
      return null;
    }
    TrackBox prev = boxes.get(i);
    if (prev.mediaTimeUs() > at - half) {
      return new Overlay(id, prev, Kind.OBSERVED);
    }
    if (i + 1 < boxes.size()) {
      TrackBox next = boxes.get(i + 1);
      long gap = next.mediaTimeUs() - prev.mediaTimeUs();
      if (gap <= 0 || gap > MAX_INTERPOLATION_US) {
        return null;
      }
      double t = (double) (at - prev.mediaTimeUs()) / gap;
      return new Overlay(id, prev.towards(next, t, at), Kind.INTERPOLATED);
    }
    return at - prev.mediaTimeUs() < holdUs ? new Overlay(id, prev, Kind.HELD) : null;
  }

  /** Index of the last box at or before {@code t}, or -1. */
  private static int lastAtOrBefore(List<TrackBox> boxes, long t) {
    int lo = 0;
    int hi = boxes.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (boxes.get(mid).mediaTimeUs() <= t) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
