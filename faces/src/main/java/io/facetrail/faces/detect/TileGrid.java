package io.facetrail.faces.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * How {@link ScanningDetector} covers an image of a given size: the border of the whole-image pass
 * and the overlapping tiles added when a face of the minimum size would shrink below what the
 * network resolves in that pass (e.g. 32-pixel faces in 1080p: eight tiles). A schedule that
 * spreads the tiles over several frames ({@link io.facetrail.faces.sweep}) names them by their
 * index here. Immutable.
 *
 * @param width image width
 * @param height image height
 * @param pad black border per side of the whole-image pass, in image pixels
 * @param networkInput the side the detector scales the longer side of each region to
 * @param tiles in row-major order; empty when the whole-image pass resolves the smallest faces
 */
public record TileGrid(int width, int height, int pad, int networkInput, List<Tile> tiles) {
  /**
   * A rectangle of the image scanned at the image's own resolution: a tile of the grid, or a window
   * a sweep puts around a small face ({@link ScanRequest#windows()}).
   */
  public record Tile(int x, int y, int width, int height) {
    public int right() {
      return x + width;
    }

    public int bottom() {
      return y + height;
    }

    /** Whether the box, grown by {@code margin} on every side, lies inside this tile. */
    public boolean holds(FaceBox box, float margin) {
      return box.x() - margin >= x
          && box.y() - margin >= y
          && box.right() + margin <= right()
          && box.bottom() + margin <= bottom();
    }
  }

  public TileGrid {
    tiles = List.copyOf(tiles);
  }

  /** The grid {@link ScanningDetector} scans an image of this size with. */
  public static TileGrid of(int width, int height, ScanSettings s, int networkInput) {
    int pad = Math.round(s.canvasPadding() * Math.max(width, height));
    int canvasSide = Math.max(width, height) + 2 * pad;
    boolean smallFacesLost =
        s.minFaceSize() * (float) networkInput / canvasSide < ScanSettings.MIN_NETWORK_FACE;
    List<Tile> tiles = new ArrayList<>();
    if (s.tiling() && smallFacesLost) {
      int tile =
          (int) Math.ceil(networkInput * s.minFaceSize() / (double) ScanSettings.MIN_NETWORK_FACE);
      tile = Math.max(tile, 2 * s.minFaceSize());
      if (tile < Math.max(width, height)) {
        int overlap = Math.max(tile / 4, s.minFaceSize() * 2);
        for (int y : starts(height, tile, overlap)) {
          for (int x : starts(width, tile, overlap)) {
            tiles.add(new Tile(x, y, Math.min(tile, width - x), Math.min(tile, height - y)));
          }
        }
      }
    }
    return new TileGrid(width, height, pad, networkInput, tiles);
  }

  /**
   * Side of the windows a sweep keeps on small faces: half a tile, so that a mosaic of four windows
   * is a tile's size and the network sees each face at the scale the tiles show it at (without
   * tiles, half the network's input).
   */
  public int windowSide() {
    if (tiles.isEmpty()) {
      return networkInput / 2;
    }
    TileGrid.Tile t = tiles.get(0);
    return (Math.max(t.width(), t.height()) + 1) / 2;
  }

  /** Network pixels per image pixel in the whole-image pass. */
  public float wholeScale() {
    return networkInput / (float) (Math.max(width, height) + 2 * pad);
  }

  /** Tile origins along one axis: stride {@code tile - overlap}, the last flush with the edge. */
  static List<Integer> starts(int length, int tile, int overlap) {
    List<Integer> s = new ArrayList<>();
    if (tile >= length) {
      s.add(0);
      return s;
    }
    int stride = Math.max(1, tile - overlap);
    for (int p = 0; ; p += stride) {
      if (p + tile >= length) {
        s.add(length - tile);
        break;
      }
      s.add(p);
    }
    return s;
  }
}
