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
public record ScanRequest(boolean allTiles, List<Integer> tiles, List<TileGrid.Tile> windows) {
  /** Every tile and no window: the scan of an image seen once. */
  public static final ScanRequest FULL = new ScanRequest(true, List.of(), List.of());

  public ScanRequest {
    tiles = List.copyOf(tiles);
    windows = List.copyOf(windows);
  }
}
