package io.facetrail.faces.detect;

import java.util.List;

/**
 * What {@link ScanningDetector} scans of one image besides the whole-image pass: which tiles of its
 * {@link TileGrid}, and which small windows around faces already known (cut at the image's own
 * resolution and packed several to one network input: see {@link ScanningDetector}).
 *
 * @param allTiles every tile of the grid (the scan of a single image); {@code tiles} is then unused
 * @param tiles indices into {@link TileGrid#tiles()}, when not {@code allTiles}
 * @param windows square windows of the image, each at most {@link TileGrid#windowSide()}
 */
public record ScanRequest(boolean allTiles, List<Integer> tiles, List<Window> windows) {
  /** Every tile and no window: the scan of an image seen once. */
  public static final ScanRequest FULL = new ScanRequest(true, List.of(), List.of());

  /** A rectangle of the image scanned at the image's own resolution. */
  public record Window(int x, int y, int width, int height) {
    public int right() {
      return x + width;
    }

    public int bottom() {
      return y + height;
    }

    /** Whether the box, grown by {@code margin} on every side, lies inside this window. */
    public boolean holds(FaceBox box, float margin) {
      return box.x() - margin >= x
          && box.y() - margin >= y
          && box.right() + margin <= right()
          && box.bottom() + margin <= bottom();
    }
  }

  public ScanRequest {
    tiles = List.copyOf(tiles);
    windows = List.copyOf(windows);
  }
}
