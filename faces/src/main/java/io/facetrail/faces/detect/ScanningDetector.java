package io.facetrail.faces.detect;

import io.facetrail.faces.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link FaceDetector} over any image: one pass over the whole image centred on a padded
 * canvas (faces filling the frame), plus overlapping tiles when the image is so large that a face
 * of the minimum size would shrink below what the network resolves (e.g. 30-pixel faces in 1080p).
 * Every region of every image in a call goes through the network in shared batches; results are
 * merged per image with NMS. Thread-safe.
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

  /** A region of an image fed to the network, and how its boxes map back. */
  private record Region(
      int image, RgbImage input, int offsetX, int offsetY, boolean[] innerEdges) {}

  /** Detections per image, in that image's pixels, best first. */
  public List<List<Detection>> detect(List<RgbImage> images, ScanSettings s) {
    List<Region> regions = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      plan(i, images.get(i), s, regions);
    }
    List<RgbImage> inputs = new ArrayList<>(regions.size());
    for (Region r : regions) {
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
      Region r = regions.get(k);
      RgbImage image = images.get(r.image());
      for (Detection d : raw.get(k)) {
        if (touchesInnerEdge(d.box(), r)) {
          continue; // cut by the tile border; the overlapping tile sees the whole face
        }
        FaceBox b =
            d.box()
                .scaledAndShifted(1f, r.offsetX(), r.offsetY())
                .clippedTo(image.width(), image.height());
        if (Math.max(b.width(), b.height()) >= s.minFaceSize()) {
          perImage.get(r.image()).add(new Detection(b, d.score()));
          sources.get(r.image()).add(k);
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

  private void plan(int index, RgbImage image, ScanSettings s, List<Region> regions) {
    int w = image.width();
    int h = image.height();
    int pad = Math.round(s.canvasPadding() * Math.max(w, h));
    RgbImage canvas = pad > 0 ? Canvas.pad(image, pad) : image;
    regions.add(new Region(index, canvas, -pad, -pad, new boolean[4]));
    int net = detector.inputSize();
    int canvasSide = Math.max(w, h) + 2 * pad;
    boolean smallFacesLost =
        s.minFaceSize() * (float) net / canvasSide < ScanSettings.MIN_NETWORK_FACE;
    if (!s.tiling() || !smallFacesLost) {
      return;
    }
    int tile = (int) Math.ceil(net * s.minFaceSize() / (double) ScanSettings.MIN_NETWORK_FACE);
    tile = Math.max(tile, 2 * s.minFaceSize());
    if (tile >= Math.max(w, h)) {
      return;
    }
    int overlap = Math.max(tile / 4, s.minFaceSize() * 2);
    for (int y : starts(h, tile, overlap)) {
      for (int x : starts(w, tile, overlap)) {
        int tw = Math.min(tile, w - x);
        int th = Math.min(tile, h - y);
        boolean[] inner = {x > 0, y > 0, x + tw < w, y + th < h};
        regions.add(new Region(index, image.crop(x, y, tw, th), x, y, inner));
      }
    }
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

  private static boolean touchesInnerEdge(FaceBox b, Region r) {
    boolean[] e = r.innerEdges();
    float margin = 2f;
    return (e[0] && b.x() <= margin)
        || (e[1] && b.y() <= margin)
        || (e[2] && b.right() >= r.input().width() - margin)
        || (e[3] && b.bottom() >= r.input().height() - margin);
  }
}
