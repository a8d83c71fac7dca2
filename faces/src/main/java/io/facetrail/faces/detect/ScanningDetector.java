package io.facetrail.faces.detect;

import io.facetrail.faces.image.RgbImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs a {@link FaceDetector} over any image: one pass over the whole image centred on a padded
 * canvas (faces filling the frame), plus overlapping tiles when the image is so large that a face
 * of the minimum size would shrink below what the network resolves (e.g. 30-pixel faces in 1080p:
 * the {@link TileGrid}). A {@link ScanRequest} may name only some tiles and add windows around
 * faces already known, packed into mosaics ({@link io.facetrail.faces.sweep.TileSweeps} spreads the
 * tiles of a video stream over its frames so). Every region of every image in a call goes through
 * the network in shared batches; results are merged per image with NMS. Thread-safe.
 */
public final class ScanningDetector {
  /**
   * Overlap above which two detections of one pass over one region are one face: the network's own
   * suppression threshold. Two faces of a crowd, one half hiding the other, overlap less.
   */
  public static final float MERGE_IOU = 0.5f;

  /**
   * Overlap above which detections of two passes (the whole image and a tile, or two overlapping
   * tiles) are one face: the passes draw one face's box differently. At {@link #MERGE_IOU} for
   * these too, 1280x720 frames of {@code eval detection} (design seed 1) had 0.19 false positives
   * per frame at score 0.3, nearly all second boxes on found faces; at 0.3, 0.04, and no face was
   * lost.
   */
  public static final float CROSS_PASS_MERGE_IOU = 0.3f;

  private static final int MAX_FACES = 200;

  private final FaceDetector detector;

  public ScanningDetector(FaceDetector detector) {
    this.detector = detector;
  }

  public FaceDetector detector() {
    return detector;
  }

  /** The grid this detector scans an image of the given size with. */
  public TileGrid grid(int width, int height, ScanSettings s) {
    return TileGrid.of(width, height, s, detector.inputSize());
  }

  /** Detections per image, in that image's pixels, best first: every tile of every image. */
  public List<List<Detection>> detect(List<RgbImage> images, ScanSettings s) {
    return detect(images, s, Collections.nCopies(images.size(), ScanRequest.FULL));
  }

  /**
   * Detections per image, in that image's pixels, best first: the whole-image pass of each image
   * plus what its request names (tiles of its {@link #grid}, windows).
   */
  public List<List<Detection>> detect(
      List<RgbImage> images, ScanSettings s, List<ScanRequest> requests) {
    if (requests.size() != images.size()) {
      throw new IllegalArgumentException("one scan request per image");
    }
    List<ScanRegion> regions = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      plan(i, images.get(i), s, requests.get(i), regions);
    }
    List<RgbImage> inputs = new ArrayList<>(regions.size());
    for (ScanRegion r : regions) {
      inputs.add(r.input());
    }
    List<List<Detection>> raw = detector.detect(inputs, s.minScore());
    List<List<Detection>> perImage = new ArrayList<>(images.size());
    List<List<Integer>> sources = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      perImage.add(new ArrayList<>());
      sources.add(new ArrayList<>());
    }
    for (int k = 0; k < regions.size(); k++) {
      ScanRegion r = regions.get(k);
      RgbImage image = images.get(r.image());
      for (Detection d : raw.get(k)) {
        int c = r.cellOf(d.box());
        if (c < 0 || r.cells().get(c).cuts(d.box())) {
          continue; // cut by a tile or window border; an overlapping region sees the whole face
        }
        ScanRegion.Cell cell = r.cells().get(c);
        FaceBox b =
            d.box()
                .scaledAndShifted(1f, cell.offsetX(), cell.offsetY())
                .clippedTo(image.width(), image.height());
        if (Math.max(b.width(), b.height()) >= s.minFaceSize()) {
          perImage.get(r.image()).add(new Detection(b, d.score()));
          sources.get(r.image()).add(k * WindowMosaic.COLUMNS * WindowMosaic.ROWS + c);
        }
      }
    }
    List<List<Detection>> out = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      int[] from = sources.get(i).stream().mapToInt(Integer::intValue).toArray();
      out.add(
          NonMaxSuppression.apply(
              perImage.get(i), from, MERGE_IOU, CROSS_PASS_MERGE_IOU, MAX_FACES));
    }
    return out;
  }

  private void plan(
      int index, RgbImage image, ScanSettings s, ScanRequest request, List<ScanRegion> regions) {
    TileGrid grid = grid(image.width(), image.height(), s);
    int pad = grid.pad();
    RgbImage canvas = pad > 0 ? Canvas.pad(image, pad) : image;
    regions.add(ScanRegion.single(index, canvas, -pad, -pad, new boolean[4]));
    List<TileGrid.Tile> tiles = grid.tiles();
    List<Integer> chosen =
        request.allTiles()
            ? java.util.stream.IntStream.range(0, tiles.size()).boxed().toList()
            : request.tiles();
    for (int t : chosen) {
      TileGrid.Tile tile = tiles.get(t);
      boolean[] inner = {
        tile.x() > 0, tile.y() > 0, tile.right() < image.width(), tile.bottom() < image.height()
      };
      regions.add(
          ScanRegion.single(
              index,
              image.crop(tile.x(), tile.y(), tile.width(), tile.height()),
              tile.x(),
              tile.y(),
              inner));
    }
    regions.addAll(WindowMosaic.pack(index, image, request.windows(), grid.windowSide()));
  }
}
