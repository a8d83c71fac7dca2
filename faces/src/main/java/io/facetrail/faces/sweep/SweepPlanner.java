package io.facetrail.faces.sweep;

import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.detect.ScanRequest;
import io.facetrail.faces.detect.ScanSettings;
import io.facetrail.faces.detect.TileGrid;
import java.util.ArrayList;
import java.util.List;

/**
 * What one frame of a sweep scans: {@code tilesPerFrame} tiles of the grid from a rotating cursor
 * (every tile once in {@code ceil(tiles / tilesPerFrame)} frames), plus a window around each small
 * face the stream showed lately that no tile of this frame covers. Pure function of its inputs.
 */
final class SweepPlanner {
  /**
   * At most this many windows per frame (two mosaics, each one network pass); further small faces
   * wait for their tile's turn. More small faces than this in one frame is a crowd, for which the
   * scan of every tile on every frame ({@code tilesPerFrame} 0) is the better setting.
   */
  static final int MAX_WINDOWS = 8;

  /**
   * A face is watched (gets a window) when the whole-frame pass shows it smaller than this many
   * network pixels: 1.5 times the smallest face the detectors find reliably, so that faces the
   * whole-frame pass finds only on good frames are watched too.
   */
  static final float WHOLE_PASS_RELIABLE = 1.5f * ScanSettings.MIN_NETWORK_FACE;

  private SweepPlanner() {}

  /** A frame's scan and the cursor of the next frame. */
  record Planned(ScanRequest request, int nextCursor) {}

  /** The largest face side (image pixels) that gets a window in frames of this grid. */
  static float watchedBelow(TileGrid grid, int windowSide) {
    return Math.min(windowSide / 2f, WHOLE_PASS_RELIABLE / grid.wholeScale());
  }

  /**
   * @param cursor index of the first tile this frame scans
   * @param watched boxes of the small faces seen lately, in the order windows are to be given
   * @param windowSide side of a window ({@link
   *     io.facetrail.faces.detect.ScanningDetector#windowSide()})
   */
  static Planned plan(
      TileGrid grid, int cursor, int tilesPerFrame, List<FaceBox> watched, int windowSide) {
    int n = grid.tiles().size();
    if (n == 0 || tilesPerFrame <= 0 || tilesPerFrame >= n) {
      return new Planned(ScanRequest.FULL, 0);
    }
    List<Integer> tiles = new ArrayList<>(tilesPerFrame);
    for (int i = 0; i < tilesPerFrame; i++) {
      tiles.add((cursor + i) % n);
    }
    // The margin a face may move by between two frames and still lie inside its window or a tile.
    float margin = windowSide / 8f;
    float limit = watchedBelow(grid, windowSide);
    List<ScanRequest.Window> windows = new ArrayList<>();
    for (FaceBox face : watched) {
      if (Math.max(face.width(), face.height()) >= limit || windows.size() >= MAX_WINDOWS) {
        continue;
      }
      boolean covered =
          tiles.stream().anyMatch(t -> grid.tiles().get(t).holds(face, margin))
              || windows.stream().anyMatch(w -> w.holds(face, margin));
      if (!covered) {
        windows.add(windowAround(face, grid.width(), grid.height(), windowSide));
      }
    }
    return new Planned(new ScanRequest(false, tiles, windows), (cursor + tilesPerFrame) % n);
  }

  /** A window of {@code side} centred on the face, moved inside the image where it overhangs. */
  static ScanRequest.Window windowAround(FaceBox face, int width, int height, int side) {
    int w = Math.min(side, width);
    int h = Math.min(side, height);
    int x = Math.round(face.centreX() - w / 2f);
    int y = Math.round(face.centreY() - h / 2f);
    x = Math.max(0, Math.min(x, width - w));
    y = Math.max(0, Math.min(y, height - h));
    return new ScanRequest.Window(x, y, w, h);
  }
}
