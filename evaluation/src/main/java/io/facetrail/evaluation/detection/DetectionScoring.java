package io.facetrail.evaluation.detection;

import io.facetrail.faces.detect.Detection;
import io.facetrail.faces.detect.FaceBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Matches detections to ground-truth faces, best score first, one detection per face. Detectors
 * draw their boxes differently (the SSD's reaches higher up the forehead than the landmarks' box),
 * so a pair matches at IoU 0.3, or when each box holds the other's centre and their areas are
 * within a factor of 4. A detection in a region the background already had a face in is ignored;
 * any other unmatched one, a second box on a face included, is a false positive.
 */
final class DetectionScoring {
  static final float MIN_IOU = 0.3f;
  static final float MAX_AREA_RATIO = 4f;

  private DetectionScoring() {}

  /**
   * @param found per face, whether a detection matched it
   * @param falsePositives detections that matched no face and no ignored region
   */
  record Outcome(boolean[] found, int falsePositives) {}

  static Outcome score(List<Detection> detections, List<FaceBox> truth, List<FaceBox> ignore) {
    List<Detection> sorted = new ArrayList<>(detections);
    sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
    boolean[] found = new boolean[truth.size()];
    int falsePositives = 0;
    for (Detection d : sorted) {
      int best = -1;
      float bestIou = -1;
      for (int i = 0; i < truth.size(); i++) {
        if (!found[i] && matches(d.box(), truth.get(i))) {
          float iou = d.box().iou(truth.get(i));
          if (iou > bestIou) {
            best = i;
            bestIou = iou;
          }
        }
      }
      if (best >= 0) {
        found[best] = true;
      } else if (ignore.stream().noneMatch(b -> matches(d.box(), b))) {
        falsePositives++;
      }
    }
    return new Outcome(found, falsePositives);
  }

  static boolean matches(FaceBox d, FaceBox t) {
    if (d.iou(t) >= MIN_IOU) {
      return true;
    }
    float ratio = d.area() / Math.max(1e-6f, t.area());
    return contains(d, t.centreX(), t.centreY())
        && contains(t, d.centreX(), d.centreY())
        && ratio <= MAX_AREA_RATIO
        && ratio >= 1 / MAX_AREA_RATIO;
  }

  private static boolean contains(FaceBox b, float x, float y) {
    return x >= b.x() && x <= b.right() && y >= b.y() && y <= b.bottom();
  }
}
