package io.facetrail.evaluation.detection;

import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Watchlist and ID-style photos: a square around the face, so tight that the face fills 80-100% of
 * it, scaled to 150 x 150 px.
 */
final class TightCrops {
  static final int SIDE = 150;

  private TightCrops() {}

  /** A crop and its face box in the crop's pixels (it may reach past the edges). */
  record Crop(String source, RgbImage image, FaceBox truth) {}

  static List<Crop> make(List<FaceSample> samples, Random rng) {
    List<Crop> out = new ArrayList<>();
    for (FaceSample s : samples) {
      FaceBox f = s.face();
      double fill = 0.8 + 0.2 * rng.nextDouble();
      int side = (int) Math.round(Math.max(f.width(), f.height()) / fill);
      int x0 = Math.round(f.centreX() - side / 2f);
      int y0 = Math.round(f.centreY() - side / 2f);
      if (x0 < 0 || y0 < 0 || x0 + side > s.photo().width() || y0 + side > s.photo().height()) {
        continue; // the photo does not reach round the face; no padding of our own
      }
      double scale = SIDE / (double) side;
      RgbImage image = Pixels.resized(s.photo().crop(x0, y0, side, side), SIDE, SIDE);
      FaceBox truth =
          new FaceBox(
              (float) ((f.x() - x0) * scale),
              (float) ((f.y() - y0) * scale),
              (float) (f.width() * scale),
              (float) (f.height() * scale));
      out.add(new Crop(s.name(), image, truth));
    }
    return out;
  }
}
