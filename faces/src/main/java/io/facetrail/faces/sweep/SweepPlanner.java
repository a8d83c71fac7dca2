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
   * @param windowSide side of a window ({@link TileGrid#windowSide()})
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
    List<TileGrid.Tile> windows = new ArrayList<>();
    for (FaceBox face : watched) {
      if (Math.max(face.width(), face.height()) >= limit || windows.size() >= MAX_WINDOWS) {
        continue;
      }
      boolean covered =
          tiles.stream().anyMatch(t -> grid.tiles().get(t).holds(face, margin))
              || windows.stream().anyMatch(w -> w.holds(face, margin));
      if (!covered) {
        windows.add(
            windowAround(face, grid.width(), grid.height(), windowSide, grid.networkInput()));
      }
    }
    return new Planned(new ScanRequest(false, tiles, windows), (cursor + tilesPerFrame) % n);
  }

  /**
   * The stride, in network pixels, of the SSD's finest anchor grid. A face's centre is put half of
   * it off the grid lines in every window: centred exactly in a window, the face sat between four
   * anchors, and the SSD's mean score on 40 LFW faces of 36-44 px fell from 0.81 (in their tiles)
   * to 0.62, with 2 of 40 lost; moved by 10, 21 and 32 px (at 0.75 network pixels per pixel) it was
   * 0.94, 0.61 and 0.93.
   */
  static final int ANCHOR_STRIDE = 16;

  /**
   * A window of {@code side} around the face, its centre half an anchor stride off the grid of a
   * mosaic cell (the window's side is half the network's input at the mosaic's scale). Where the
   * window would overhang the image it moves inwards by whole strides, keeping that alignment, as
   * long as the face stays inside; only then is it clamped.
   */
  static TileGrid.Tile windowAround(
      FaceBox face, int width, int height, int side, int networkInput) {
    int w = Math.min(side, width);
    int h = Math.min(side, height);
    // Image pixels per network pixel in a mosaic of two windows across.
    double pixels = 2.0 * side / networkInput;
    double stride = ANCHOR_STRIDE * pixels;
    double offset = Math.floor(side / 2.0 / stride) * stride + stride / 2;
    int x = inside(face.centreX() - offset, face.x(), face.right(), w, width, stride);
    int y = inside(face.centreY() - offset, face.y(), face.bottom(), h, height, stride);
    return new TileGrid.Tile(x, y, w, h);
  }

  /** A window origin moved inside 0..limit-size by whole strides while it holds lo..hi. */
  private static int inside(double origin, float lo, float hi, int size, int limit, double stride) {
    double o = origin;
    while (o < 0 && hi <= o + stride + size) {
      o += stride;
    }
    while (o + size > limit && lo >= o - stride) {
      o -= stride;
    }
    return (int) Math.max(0, Math.min(Math.round(o), limit - size));
  }
}
