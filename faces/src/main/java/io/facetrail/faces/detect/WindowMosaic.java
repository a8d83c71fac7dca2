package io.facetrail.faces.detect;

import io.facetrail.faces.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs windows of an image into mosaics: two columns and at most two rows of cells of {@code side}
 * pixels, so a mosaic of four is exactly the network's input and runs at the image's own resolution
 * (a 32 px face stays 32 px, where an eighth of a 1080p tile shrinks it to 24). Fewer than three
 * windows make a mosaic one row high, which the letterboxed detectors run at half the cost: a
 * window alone would be scaled up to the whole input and cost as much as four.
 */
final class WindowMosaic {
  static final int COLUMNS = 2;
  static final int ROWS = 2;

  private WindowMosaic() {}

  /** The mosaics of {@code windows}, in order, four to a mosaic. */
  static List<ScanRegion> pack(
      int imageIndex, RgbImage image, List<TileGrid.Tile> windows, int side) {
    List<ScanRegion> out = new ArrayList<>();
    int per = COLUMNS * ROWS;
    for (int start = 0; start < windows.size(); start += per) {
      out.add(
          mosaic(
              imageIndex,
              image,
              windows.subList(start, Math.min(windows.size(), start + per)),
              side));
    }
    return out;
  }

  private static ScanRegion mosaic(
      int imageIndex, RgbImage image, List<TileGrid.Tile> windows, int side) {
    int rows = (windows.size() + COLUMNS - 1) / COLUMNS;
    int w = COLUMNS * side;
    int h = rows * side;
    byte[] canvas = new byte[RgbImage.byteCount(w, h)];
    byte[] src = image.rgb();
    List<ScanRegion.Cell> cells = new ArrayList<>(windows.size());
    for (int i = 0; i < windows.size(); i++) {
      TileGrid.Tile win = windows.get(i);
      if (win.width() > side || win.height() > side) {
        throw new IllegalArgumentException(
            "window " + win + " is larger than the mosaic's cells of " + side + " px");
      }
      int cx = (i % COLUMNS) * side;
      int cy = (i / COLUMNS) * side;
      for (int y = 0; y < win.height(); y++) {
        System.arraycopy(
            src,
            ((win.y() + y) * image.width() + win.x()) * 3,
            canvas,
            ((cy + y) * w + cx) * 3,
            win.width() * 3);
      }
      boolean[] inner = {
        win.x() > 0, win.y() > 0, win.right() < image.width(), win.bottom() < image.height()
      };
      cells.add(
          new ScanRegion.Cell(
              cx, cy, win.width(), win.height(), win.x() - cx, win.y() - cy, inner));
    }
    return new ScanRegion(imageIndex, new RgbImage(w, h, canvas), cells);
  }
}
