package io.facetrail.evaluation.detection;

import io.facetrail.faces.detect.FaceBox;
import io.facetrail.faces.image.RgbImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the faces of one sequence over a still background (a fixed camera): sizes spread evenly
 * over the size buckets, half the faces held still and half walking (up to {@link #MAX_SPEED}
 * pixels per frame), half present from the first frame and half stepping into view later; then
 * renders each frame. Unlike {@code eval detection}'s frames, nothing is blurred, compressed or
 * dimmed: what is measured is how a scan schedule follows faces over frames, not the detector.
 */
final class SequenceComposer {
  /** Pixels per frame a walking face moves at most (a brisk walk across 1080p at 5 fps). */
  static final float MAX_SPEED = 16f;

  private static final int PLACEMENT_TRIES = 80;

  private SequenceComposer() {}

  /** The faces of a sequence of {@code frames} w x h frames, sampled from {@code pool}. */
  static List<SequenceFace> plan(
      Map<YawBucket, List<FaceSample>> pool, int count, int frames, int w, int h, Random rng) {
    List<SequenceFace> faces = new ArrayList<>();
    SizeBucket[] sizes = SizeBucket.values();
    YawBucket[] yaws = YawBucket.values();
    List<FaceBox> taken = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      YawBucket yaw = yaws[rng.nextInt(yaws.length)];
      List<FaceSample> samples = pool.get(yaw);
      FaceSample sample = samples.get(rng.nextInt(samples.size()));
      SizeBucket size = sizes[i % sizes.length];
      float fh = size.from + rng.nextFloat() * (size.to - 1 - size.from);
      float fw = sample.face().width() * fh / sample.face().height();
      FaceBox start = null;
      for (int t = 0; t < PLACEMENT_TRIES && start == null; t++) {
        FaceBox c = new FaceBox(rng.nextFloat() * (w - fw), rng.nextFloat() * (h - fh), fw, fh);
        if (taken.stream().noneMatch(b -> b.iou(c) > 0 || overlaps(b, c))) {
          start = c;
        }
      }
      if (start == null) {
        continue;
      }
      taken.add(start);
      boolean moving = rng.nextBoolean();
      float vx = moving ? (2 * rng.nextFloat() - 1) * MAX_SPEED : 0;
      float vy = moving ? (2 * rng.nextFloat() - 1) * MAX_SPEED / 4 : 0;
      int appearsAt = rng.nextBoolean() ? 0 : 1 + rng.nextInt(Math.max(1, frames / 2));
      faces.add(new SequenceFace(sample, yaw, start, vx, vy, appearsAt));
    }
    return faces;
  }

  private static boolean overlaps(FaceBox a, FaceBox b) {
    return a.x() < b.right() && b.x() < a.right() && a.y() < b.bottom() && b.y() < a.bottom();
  }

  /** Frame {@code frame}: the background with every face present in it; truth per face or null. */
  static RgbImage render(
      RgbImage background, List<SequenceFace> faces, int frame, List<FaceBox> truth) {
    int w = background.width();
    int h = background.height();
    byte[] canvas = background.rgb().clone();
    for (SequenceFace f : faces) {
      if (frame < f.appearsAt()) {
        truth.add(null);
        continue;
      }
      FaceBox box = f.at(frame, w, h);
      double scale = box.height() / (double) f.sample().face().height();
      FrameComposer.paste(canvas, w, h, f.sample(), box, scale, false, false, null);
      truth.add(box);
    }
    return new RgbImage(w, h, canvas);
  }
}
