package io.facetrail.evaluation.detection;

import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.NonMaxSuppression;
import io.facetrail.faces.detect.ScanSettings;
import io.facetrail.faces.detect.ScanningDetector;
import io.facetrail.faces.image.RgbImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A detector of {@code --detectors}, scanned as the pipeline scans (whole frame, tiles for small
 * faces); an ensemble runs each member on the same decoded frame and merges the union of their
 * detections with NMS at IoU 0.3, the best-scoring box of each face kept.
 */
final class ScannedFrameDetector implements FrameDetector {
  /**
   * Lower than the scanner's 0.5 for tiles: two detectors draw the same face differently (the SSD's
   * box reaches higher up the forehead), and at 0.5 their two boxes of one face often both
   * survived, the second counting as a false positive (seed 1: SSD+BLAZEFACE_BACK at 0.5 had 0.033
   * false positives per frame, either alone 0.007).
   */
  static final float MERGE_IOU = 0.3f;

  private static final int MAX_FACES = 200;

  /**
   * @param scanner the member's detector
   * @param floor its detections from this score
   */
  record Member(ScanningDetector scanner, float floor) {}

  private final String name;
  private final List<Member> members;
  private final ScanSettings scan;

  /**
   * @param scan tiles, minimum face size and canvas padding (its score is replaced by each member's
   *     floor)
   */
  ScannedFrameDetector(String name, List<Member> members, ScanSettings scan) {
    this.name = name;
    this.members = List.copyOf(members);
    this.scan = scan;
  }

  /** The same detector with another canvas around the whole-image pass (photos). */
  ScannedFrameDetector withCanvasPadding(float padding) {
    return new ScannedFrameDetector(
        name,
        members,
        new ScanSettings(scan.minScore(), scan.minFaceSize(), padding, scan.tiling()));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<List<Detection>> detect(List<Path> jpegs) {
    return FrameDetector.eachDecoded(jpegs, this::detectMerged);
  }

  /** Every member's faces on one image, merged when there are several members. */
  private List<Detection> detectMerged(RgbImage image) {
    List<Detection> union = new ArrayList<>();
    for (Member m : members) {
      ScanSettings s =
          new ScanSettings(m.floor(), scan.minFaceSize(), scan.canvasPadding(), scan.tiling());
      union.addAll(m.scanner().detect(List.of(image), s).get(0));
    }
    return members.size() == 1 ? union : NonMaxSuppression.apply(union, MERGE_IOU, MAX_FACES);
  }
}
