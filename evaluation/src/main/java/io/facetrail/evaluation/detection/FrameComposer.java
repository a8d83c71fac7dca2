package io.facetrail.evaluation.detection;

import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Pastes source faces into a background at chosen sizes, each cut from its photo with a soft
 * elliptical edge (head and hair, no photo border for a detector to key on), then dims the whole
 * frame when asked. A face's ground-truth box moves and scales with it.
 */
final class FrameComposer {
  /** Share of a frame's faces that are blurred, and that are strongly compressed. */
  static final double BLUR_SHARE = 0.25;

  static final double COMPRESS_SHARE = 0.25;
  private static final int PLACEMENT_TRIES = 80;

  private FrameComposer() {}

  /** One face to place: where it comes from and how tall it should be. */
  record Order(FaceSample sample, YawBucket yaw, int height) {}

  static ComposedFrame compose(
      RgbImage background, List<Order> orders, boolean dim, List<FaceBox> ignore, Random rng) {
    int w = background.width();
    int h = background.height();
    byte[] canvas = background.rgb().clone();
    List<FaceBox> taken = new ArrayList<>(ignore);
    List<PlacedFace> placed = new ArrayList<>();
    for (Order o : orders) {
      FaceBox src = o.sample().face();
      double scale = o.height() / (double) src.height();
      float fw = (float) (src.width() * scale);
      float fh = o.height();
      FaceBox truth = null;
      for (int t = 0; t < PLACEMENT_TRIES && truth == null; t++) {
        float x = rng.nextFloat() * Math.max(1, w - fw);
        float y = rng.nextFloat() * Math.max(1, h - fh);
        FaceBox candidate = new FaceBox(x, y, fw, fh);
        if (taken.stream().noneMatch(b -> near(b, candidate))) {
          truth = candidate;
        }
      }
      if (truth == null) {
        continue; // the frame is full; the face is simply not used
      }
      boolean blurred = rng.nextDouble() < BLUR_SHARE;
      boolean compressed = rng.nextDouble() < COMPRESS_SHARE;
      paste(canvas, w, h, o.sample(), truth, scale, blurred, compressed, rng);
      taken.add(truth);
      placed.add(
          new PlacedFace(
              truth, o.sample().name(), o.yaw(), SizeBucket.of(fh), dim, blurred, compressed));
    }
    RgbImage image = new RgbImage(w, h, canvas);
    if (dim) {
      image = Pixels.dimmed(image, 0.25 + 0.2 * rng.nextDouble(), 3.0, rng);
    }
    return new ComposedFrame(image, placed, ignore);
  }

  /** Boxes closer than half a face apart: faces would hide each other. */
  private static boolean near(FaceBox a, FaceBox b) {
    float mx = 0.5f * Math.max(a.width(), b.width());
    float my = 0.5f * Math.max(a.height(), b.height());
    return a.x() - mx < b.right()
        && b.x() - mx < a.right()
        && a.y() - my < b.bottom()
        && b.y() - my < a.bottom();
  }

  static void paste(
      byte[] canvas,
      int w,
      int h,
      FaceSample sample,
      FaceBox truth,
      double scale,
      boolean blurred,
      boolean compressed,
      Random rng) {
    RgbImage photo = sample.photo();
    FaceBox f = sample.face();
    // The region around the face: head, hair and some shoulder, as far as the photo reaches.
    float side = 1.8f * Math.max(f.width(), f.height());
    int x0 = Math.max(0, Math.round(f.centreX() - side / 2));
    int y0 = Math.max(0, Math.round(f.centreY() - side / 2));
    int x1 = Math.min(photo.width(), Math.round(f.centreX() + side / 2));
    int y1 = Math.min(photo.height(), Math.round(f.centreY() + side / 2));
    int pw = Math.max(1, (int) Math.round((x1 - x0) * scale));
    int ph = Math.max(1, (int) Math.round((y1 - y0) * scale));
    RgbImage patch = Pixels.resized(photo.crop(x0, y0, x1 - x0, y1 - y0), pw, ph);
    if (blurred) {
      patch = Pixels.blurred(patch, 0.8 + rng.nextDouble());
    }
    if (compressed) {
      patch = Pixels.compressed(patch, 15 + rng.nextInt(21));
    }
    // Face centre and radii in patch pixels; the patch's origin lands so the face lands on truth.
    double cx = (f.centreX() - x0) * scale;
    double cy = (f.centreY() - y0) * scale;
    double ax = 0.65 * truth.width();
    double ay = 0.70 * truth.height();
    int ox = (int) Math.round(truth.centreX() - cx);
    int oy = (int) Math.round(truth.centreY() - cy);
    byte[] p = patch.rgb();
    for (int y = 0; y < ph; y++) {
      int fy = oy + y;
      if (fy < 0 || fy >= h) {
        continue;
      }
      for (int x = 0; x < pw; x++) {
        int fx = ox + x;
        if (fx < 0 || fx >= w) {
          continue;
        }
        double r = Math.hypot((x - cx) / ax, (y - cy + 0.1 * truth.height()) / ay);
        double alpha = Math.max(0, Math.min(1, (1.35 - r) / 0.35));
        if (alpha <= 0) {
          continue;
        }
        for (int c = 0; c < 3; c++) {
          int i = (fy * w + fx) * 3 + c;
          double v = alpha * (p[(y * pw + x) * 3 + c] & 0xff) + (1 - alpha) * (canvas[i] & 0xff);
          canvas[i] = (byte) Math.round(v);
        }
      }
    }
  }
}
