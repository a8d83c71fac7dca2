package io.facetrail.faces.sweep;

import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.detect.ScanRequest;
import io.facetrail.faces.detect.TileGrid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One stream's sweep: the frame it expects next, the rotation's cursor and the small faces seen
 * lately. Its first frame (and the first after a reset) scans every tile, so that a sweep starts
 * from a complete picture. Not thread-safe.
 */
final class StreamSweep {
  /**
   * Frames a small face is still looked for at its last place after it was last found: one missed
   * frame (a blink of the detector, a turned head) does not lose its window.
   */
  static final int HOLD_FRAMES = 3;

  /** Watched faces kept at most; beyond, the tiles' rotation alone finds them. */
  static final int MAX_WATCHED = 64;

  private record Watched(FaceBox box, long lastSeen) {}

  private final TileGrid grid;
  private final long shot;
  private long lastSequence;
  private int cursor;
  private boolean started;
  private List<Watched> watched = List.of();
  private long lastUsedNanos;

  StreamSweep(TileGrid grid, FrameKey first, long nowNanos) {
    this.grid = grid;
    this.shot = first.shot();
    this.lastSequence = first.sequence() - 1;
    this.lastUsedNanos = nowNanos;
  }

  /**
   * Whether {@code key} continues this sweep: the next sequence number, the same shot (when both
   * frames name one) and the same frame size. Anything else starts a new sweep: frames were lost,
   * the view changed, or frames are being processed again (a retried batch, a rebalance).
   */
  boolean continuedBy(FrameKey key, int width, int height) {
    boolean sameShot =
        key.shot() == FrameKey.NO_SHOT || shot == FrameKey.NO_SHOT || key.shot() == shot;
    return key.sequence() == lastSequence + 1
        && sameShot
        && width == grid.width()
        && height == grid.height();
  }

  long lastUsedNanos() {
    return lastUsedNanos;
  }

  /** The scan of the next frame. */
  ScanRequest next(int tilesPerFrame) {
    int windowSide = grid.windowSide();
    if (!started) {
      return ScanRequest.FULL;
    }
    List<FaceBox> boxes = watched.stream().map(Watched::box).toList();
    SweepPlanner.Planned p = SweepPlanner.plan(grid, cursor, tilesPerFrame, boxes, windowSide);
    cursor = p.nextCursor();
    return p.request();
  }

  /** Takes in what the frame's scan found. */
  void found(FrameKey key, List<Detection> detections, long nowNanos) {
    int windowSide = grid.windowSide();
    started = true;
    lastSequence = key.sequence();
    lastUsedNanos = nowNanos;
    float limit = SweepPlanner.watchedBelow(grid, windowSide);
    List<Watched> next = new ArrayList<>();
    for (Detection d : detections) {
      FaceBox b = d.box();
      if (Math.max(b.width(), b.height()) < limit) {
        next.add(new Watched(b, key.sequence()));
      }
    }
    for (Watched w : watched) {
      boolean refound = detections.stream().anyMatch(d -> sameFace(d.box(), w.box()));
      if (!refound && key.sequence() - w.lastSeen() < HOLD_FRAMES) {
        next.add(w);
      }
    }
    // Top to bottom, left to right: the windows' order (and so their mosaics) depends on where the
    // faces are, not on the detector's score order.
    next.sort(
        Comparator.comparingDouble((Watched w) -> w.box().y())
            .thenComparingDouble(w -> w.box().x()));
    watched = List.copyOf(next.subList(0, Math.min(next.size(), MAX_WATCHED)));
  }

  /** Boxes of one face in consecutive frames: overlapping, or one holding the other's centre. */
  static boolean sameFace(FaceBox a, FaceBox b) {
    return a.iou(b) > 0.2f || holdsCentre(a, b) || holdsCentre(b, a);
  }

  private static boolean holdsCentre(FaceBox outer, FaceBox inner) {
    return inner.centreX() >= outer.x()
        && inner.centreX() <= outer.right()
        && inner.centreY() >= outer.y()
        && inner.centreY() <= outer.bottom();
  }
}
