package io.facetrail.faces.detect;

import io.facetrail.faces.image.RgbImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the subject of single-subject photos such as LFW's, whose subject is centred by
 * construction: the most central detection, provided its centre lies within {@link #MAX_OFFSET} of
 * the shorter side from the image centre. A bystander's face further out is never taken for the
 * subject (on LFW folds 1-3 the only two chosen faces more than 40 px off-centre were bystanders,
 * the subjects' own faces missed at score 0.5); then a retry at score 0.1 on a canvas padded by 0.5
 * per side, and finally a fixed central box. Shared by {@code facetrail eval lfw} and the trainer's
 * chip cutter so that both see the same faces.
 */
public final class SubjectLocator {
  public static final float RETRY_SCORE = 0.1f;
  public static final float RETRY_PADDING = 0.5f;

  /**
   * Farthest a subject's box centre may lie from the image centre, as a share of the short side.
   */
  public static final double MAX_OFFSET = 0.25;

  /** The subject of a photo and how it was found. */
  public record Subject(Detection detection, SubjectSource source) {}

  private final ScanningDetector detector;
  private final ScanSettings scan;

  public SubjectLocator(ScanningDetector detector, ScanSettings scan) {
    this.detector = detector;
    this.scan = scan;
  }

  /** The subject of each image, in order. */
  public List<Subject> locate(List<RgbImage> images) {
    List<List<Detection>> found = detector.detect(images, scan);
    List<Subject> chosen = new ArrayList<>(images.size());
    List<Integer> retry = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      Detection d = mostCentral(found.get(i), images.get(i));
      chosen.add(d == null ? null : new Subject(d, SubjectSource.DETECTED));
      if (d == null) {
        retry.add(i);
      }
    }
    if (retry.isEmpty()) {
      return chosen;
    }
    List<RgbImage> again = retry.stream().map(images::get).toList();
    ScanSettings wide =
        new ScanSettings(RETRY_SCORE, scan.minFaceSize(), RETRY_PADDING, scan.tiling());
    List<List<Detection>> second = detector.detect(again, wide);
    for (int k = 0; k < retry.size(); k++) {
      int i = retry.get(k);
      RgbImage im = images.get(i);
      Detection d = mostCentral(second.get(k), im);
      chosen.set(
          i,
          d != null
              ? new Subject(d, SubjectSource.RETRY)
              : new Subject(centreBox(im), SubjectSource.CENTRE_BOX));
    }
    return chosen;
  }

  /** The fixed box where LFW's alignment puts the subject's face. */
  static Detection centreBox(RgbImage im) {
    return new Detection(
        new FaceBox(
            0.28f * im.width(), 0.24f * im.height(), 0.44f * im.width(), 0.52f * im.height()),
        0f);
  }

  /** The detection nearest the image centre within {@link #MAX_OFFSET}, or null. */
  public static Detection mostCentral(List<Detection> dets, RgbImage image) {
    double limit = MAX_OFFSET * Math.min(image.width(), image.height());
    Detection best = null;
    double bestD = limit * limit;
    for (Detection d : dets) {
      double dx = d.box().centreX() - image.width() / 2.0;
      double dy = d.box().centreY() - image.height() / 2.0;
      double dist = dx * dx + dy * dy;
      if (dist <= bestD) {
        bestD = dist;
        best = d;
      }
    }
    return best;
  }
}
