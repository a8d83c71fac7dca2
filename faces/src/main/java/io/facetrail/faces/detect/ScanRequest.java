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

  /**
   * Score a detection in a window keeps when it matches a face the window was placed for ({@link
   * Window#expected}): a face the stream showed in its last frames is taken from this score, as a
   * tracker would, where the detector's floor applies to everything else. Half the embedder's floor
   * of 0.3.
   */
  public static final float KNOWN_FACE_SCORE = 0.15f;

  /**
   * A rectangle of the image scanned at the tiles' scale.
   *
   * @param expected the faces (image pixels) the window was placed for, as last seen
   */
  public record Window(int x, int y, int width, int height, List<FaceBox> expected) {
    public Window {
      expected = List.copyOf(expected);
    }

    public Window(int x, int y, int width, int height) {
      this(x, y, width, height, List.of());
    }

    /** This window, placed for one more face. */
    public Window expecting(FaceBox face) {
      List<FaceBox> more = new java.util.ArrayList<>(expected);
      more.add(face);
      return new Window(x, y, width, height, more);
    }

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
