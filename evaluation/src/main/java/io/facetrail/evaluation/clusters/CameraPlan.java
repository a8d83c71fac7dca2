package io.facetrail.evaluation.clusters;

import io.facetrail.evaluation.tracking.scene.Actor;
import io.facetrail.evaluation.tracking.scene.Actor.Keyframe;
import io.facetrail.evaluation.tracking.scene.FacePhoto;
import io.facetrail.evaluation.tracking.scene.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Lays out appearances over cameras: every appearance of one person goes to a different camera (so
 * that only the clustering, never the tracker, can join them), and each camera's appearances walk
 * across the frame one after another in horizontal lanes, each in one direction, so every
 * appearance is one track from entering to leaving.
 *
 * @param cameras number of cameras (videos)
 * @param width frame width
 * @param height frame height
 * @param lanes people walking at once, one per lane
 * @param fps frames per second
 * @param minPatch smallest patch height, px (the face is about 0.6 of it)
 * @param maxPatch largest patch height, px
 */
public record CameraPlan(
    int cameras, int width, int height, int lanes, double fps, int minPatch, int maxPatch) {

  /** Seconds to cross the frame, at the slowest and fastest. */
  static final double MIN_WALK = 1.4;

  static final double MAX_WALK = 2.0;

  /** Seconds between one person leaving a lane and the next entering it. */
  static final double GAP = 0.5;

  public CameraPlan {
    if (cameras < 1 || lanes < 1 || fps <= 0 || minPatch < 1 || maxPatch < minPatch) {
      throw new IllegalArgumentException("invalid camera plan");
    }
  }

  /** The sizes used by {@code facetrail eval clusters}: faces of about 80-140 px. */
  public static CameraPlan defaults(int cameras) {
    return new CameraPlan(cameras, 960, 540, 2, 10, 135, 230);
  }

  /**
   * The cameras.
   *
   * @param people each person's photos, one appearance per photo; a person needs at most {@code
   *     cameras} photos
   * @param seed fixes which camera shows whom, the order, sizes and speeds
   */
  public List<CameraVideo> layOut(List<List<FacePhoto>> people, long seed) {
    Random random = new Random(seed);
    List<List<FacePhoto>> perCamera = new ArrayList<>();
    for (int c = 0; c < cameras; c++) {
      perCamera.add(new ArrayList<>());
    }
    List<Integer> order = new ArrayList<>();
    for (int c = 0; c < cameras; c++) {
      order.add(c);
    }
    for (List<FacePhoto> photos : people) {
      if (photos.size() > cameras) {
        throw new IllegalArgumentException(
            photos.size() + " appearances of one person but only " + cameras + " cameras");
      }
      // The least busy cameras first (ties at random), so the videos come out about as long.
      Collections.shuffle(order, random);
      order.sort((a, b) -> Integer.compare(perCamera.get(a).size(), perCamera.get(b).size()));
      for (int i = 0; i < photos.size(); i++) {
        perCamera.get(order.get(i)).add(photos.get(i));
      }
    }
    List<CameraVideo> out = new ArrayList<>();
    for (int c = 0; c < cameras; c++) {
      List<FacePhoto> photos = perCamera.get(c);
      Collections.shuffle(photos, random);
      out.add(new CameraVideo(scenario("cam" + c, photos.size(), random, seed + c), photos));
    }
    return out;
  }

  private Scenario scenario(String name, int appearances, Random random, long backgroundSeed) {
    List<Actor> actors = new ArrayList<>();
    double[] laneFree = new double[lanes];
    for (int lane = 0; lane < lanes; lane++) {
      laneFree[lane] = lane * (MIN_WALK + GAP) / lanes; // staggered, so lanes do not move in step
    }
    double end = 0;
    for (int i = 0; i < appearances; i++) {
      int lane = i % lanes;
      double t0 = laneFree[lane];
      double t1 = t0 + MIN_WALK + (MAX_WALK - MIN_WALK) * random.nextDouble();
      double patch = minPatch + (maxPatch - minPatch) * random.nextDouble();
      double half = patch * FacePhoto.ASPECT / 2;
      double y = height * (lane + 0.5) / lanes + (random.nextDouble() - 0.5) * 0.1 * height;
      double drift = (random.nextDouble() - 0.5) * 0.1 * height;
      // Starting and ending just out of view: the track covers the whole crossing.
      double left = -half * 0.8;
      double right = width + half * 0.8;
      boolean rightwards = random.nextBoolean();
      actors.add(
          new Actor(
              i,
              i,
              lane,
              List.of(
                  new Keyframe(t0, rightwards ? left : right, y, patch),
                  new Keyframe(t1, rightwards ? right : left, y + drift, patch))));
      laneFree[lane] = t1 + GAP;
      end = Math.max(end, t1);
    }
    List<Double> times = new ArrayList<>();
    for (int f = 0; f <= Math.ceil(end * fps); f++) {
      times.add(f / fps);
    }
    return new Scenario(name, width, height, times, actors, backgroundSeed);
  }
}
