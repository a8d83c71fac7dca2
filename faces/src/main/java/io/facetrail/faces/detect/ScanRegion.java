package io.facetrail.faces.detect;

import io.facetrail.faces.image.RgbImage;
import java.util.List;

/**
 * One input of a {@link ScanningDetector} call and how its detections map back to its image: the
 * whole image, a tile, or a mosaic of windows, each part of the input a {@link Cell}.
 *
 * @param image index of the image in the call
 */
record ScanRegion(int image, RgbImage input, List<Cell> cells) {
  /**
   * A rectangle of the input showing the image shifted by ({@code offsetX}, {@code offsetY}).
   *
   * @param innerEdges left, top, right, bottom: whether that edge cuts through the image (a face
   *     touching it is cut, and another region sees it whole)
   */
  record Cell(int x, int y, int width, int height, int offsetX, int offsetY, boolean[] innerEdges) {
    boolean holdsCentreOf(FaceBox b) {
      return b.centreX() >= x
          && b.centreX() < x + width
          && b.centreY() >= y
          && b.centreY() < y + height;
    }

    boolean cuts(FaceBox b) {
      float margin = 2f;
      return (innerEdges[0] && b.x() <= x + margin)
          || (innerEdges[1] && b.y() <= y + margin)
          || (innerEdges[2] && b.right() >= x + width - margin)
          || (innerEdges[3] && b.bottom() >= y + height - margin);
    }
  }

  ScanRegion {
    cells = List.copyOf(cells);
  }

  /**
   * A region that is one cell: the whole input, showing the image from ({@code dx}, {@code dy}).
   */
  static ScanRegion single(int image, RgbImage input, int dx, int dy, boolean[] innerEdges) {
    return new ScanRegion(
        image, input, List.of(new Cell(0, 0, input.width(), input.height(), dx, dy, innerEdges)));
  }

  /**
   * The cell a detection belongs to, or -1. A single-cell region owns every detection of its input
   * (as before mosaics existed); in a mosaic, the cell holding the box's centre does.
   */
  int cellOf(FaceBox b) {
    if (cells.size() == 1) {
      return 0;
    }
    for (int c = 0; c < cells.size(); c++) {
      if (cells.get(c).holdsCentreOf(b)) {
        return c;
      }
    }
    return -1;
  }
}
