package io.facetrail.evaluation.tracking.scene;

import io.facetrail.evaluation.tracking.scene.Actor.Keyframe;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The scripted scenarios of the evaluation, each built to exercise one difficulty (and all of them
 * several at once): two people crossing with one hidden behind the other; a person hidden for about
 * a second by another walking past; people leaving the frame and coming back (out of view for about
 * 2 and 3.3 s); a crowd wandering at random; people walking towards the camera; and a crowd filmed
 * at an irregular frame rate with a one-second dropout.
 */
public final class Scenarios {
  static final int WIDTH = 960;
  static final int HEIGHT = 540;
  private static final double FPS = 10;

  private Scenarios() {}

  /** Every scenario; {@code seed} fixes the random ones and the backgrounds. */
  public static List<Scenario> all(long seed) {
    return List.of(
        crossing(seed),
        occlusion(seed + 1),
        exitAndReenter(seed + 2),
        crowd(seed + 3),
        approach(seed + 4),
        irregular(seed + 5),
        cut(seed + 6));
  }

  /**
   * Hard cuts between views with people in the same places: two people, a cut to two others
   * standing where they stood, and a cut to a third view with the first two again. By position and
   * motion every track would continue across each cut; none may (a track identified as one person
   * would carry the name onto another).
   */
  static Scenario cut(long seed) {
    List<Actor> actors = new ArrayList<>();
    double[][] shots = {{0, 2.95}, {3.0, 5.95}, {6.0, 9.0}};
    int[][] photos = {{0, 1}, {2, 3}, {0, 1}};
    int id = 0;
    for (int s = 0; s < shots.length; s++) {
      double t0 = shots[s][0];
      double t1 = shots[s][1];
      // Each shot continues the same slow walk, so positions match across the cut.
      actors.add(
          new Actor(
              id++,
              photos[s][0],
              1,
              List.of(
                  new Keyframe(t0, 300 + 20 * t0, 270, 150),
                  new Keyframe(t1, 300 + 20 * t1, 270, 150))));
      actors.add(
          new Actor(
              id++,
              photos[s][1],
              0,
              List.of(
                  new Keyframe(t0, 680 - 15 * t0, 250, 140),
                  new Keyframe(t1, 680 - 15 * t1, 250, 140))));
    }
    return new Scenario("cut", WIDTH, HEIGHT, steady(9), actors, seed, List.of(3.0, 6.0));
  }

  static Scenario crossing(long seed) {
    List<Actor> actors =
        List.of(
            walker(0, 0, 1, 0, 8, -60, 250, 1020, 250, 150),
            walker(1, 1, 2, 0, 8, 1020, 280, -60, 280, 160),
            new Actor(
                2, 2, 0, List.of(new Keyframe(0, 150, 190, 130), new Keyframe(8, 190, 200, 130))));
    return new Scenario("crossing", WIDTH, HEIGHT, steady(8), actors, seed);
  }

  static Scenario occlusion(long seed) {
    List<Actor> actors =
        List.of(
            new Actor(
                0,
                0,
                1,
                List.of(
                    new Keyframe(0, 470, 280, 150),
                    new Keyframe(4, 500, 270, 150),
                    new Keyframe(8, 480, 280, 150))),
            walker(1, 1, 2, 0, 8, -90, 300, 1050, 300, 175),
            walker(2, 2, 0, 0, 8, 900, 120, 600, 130, 110));
    return new Scenario("occlusion", WIDTH, HEIGHT, steady(8), actors, seed);
  }

  static Scenario exitAndReenter(long seed) {
    List<Actor> actors =
        List.of(
            new Actor(
                0,
                0,
                1,
                List.of(
                    new Keyframe(0, 300, 300, 150),
                    new Keyframe(3, 1050, 300, 150),
                    new Keyframe(5, 1050, 290, 150),
                    new Keyframe(8, 600, 290, 155),
                    new Keyframe(10, 620, 290, 155))),
            new Actor(
                1,
                1,
                1,
                List.of(
                    new Keyframe(0, 600, 200, 140),
                    new Keyframe(2.5, -90, 200, 140),
                    new Keyframe(4, -90, 220, 140),
                    new Keyframe(7, 250, 220, 140),
                    new Keyframe(10, 400, 230, 140))),
            new Actor(
                2, 2, 0, List.of(new Keyframe(0, 480, 120, 120), new Keyframe(10, 470, 130, 120))));
    return new Scenario("exit-reenter", WIDTH, HEIGHT, steady(10), actors, seed);
  }

  static Scenario crowd(long seed) {
    return new Scenario("crowd", WIDTH, HEIGHT, steady(10), wanderers(6, 10, seed), seed);
  }

  static Scenario approach(long seed) {
    Random random = new Random(seed);
    List<Actor> actors = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      double start = i * 1.2;
      double x = 150 + 220 * i + random.nextInt(60);
      double drift = random.nextInt(120) - 60;
      actors.add(
          new Actor(
              i,
              i,
              i,
              List.of(
                  new Keyframe(start, x, 170, 80), new Keyframe(start + 4, x + drift, 300, 170))));
    }
    actors.add(walker(4, 4, 10, 2, 7, 1050, 330, -90, 330, 180));
    return new Scenario("approach", WIDTH, HEIGHT, steady(8), actors, seed);
  }

  static Scenario irregular(long seed) {
    Random random = new Random(seed);
    List<Double> times = new ArrayList<>();
    double t = 0;
    while (t <= 10) {
      // A dropout of one second between 4 and 5 s; 40 to 300 ms between frames otherwise.
      if (t < 4 || t > 5) {
        times.add(t);
      }
      t += 0.04 + 0.26 * random.nextDouble();
    }
    return new Scenario("irregular", WIDTH, HEIGHT, times, wanderers(4, 10, seed), seed);
  }

  private static Actor walker(
      int id,
      int photo,
      int depth,
      double t0,
      double t1,
      double x0,
      double y0,
      double x1,
      double y1,
      double height) {
    return new Actor(
        id,
        photo,
        depth,
        List.of(new Keyframe(t0, x0, y0, height), new Keyframe(t1, x1, y1, height)));
  }

  /** People moving between random points of the frame, a new point every 1.5 to 3 s. */
  private static List<Actor> wanderers(int count, double duration, long seed) {
    Random random = new Random(seed);
    List<Actor> actors = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double height = 100 + random.nextInt(50);
      List<Keyframe> path = new ArrayList<>();
      double t = 0;
      while (true) {
        path.add(
            new Keyframe(
                Math.min(t, duration),
                80 + random.nextInt(WIDTH - 160),
                90 + random.nextInt(HEIGHT - 180),
                height));
        if (t >= duration) {
          break;
        }
        t += 1.5 + 1.5 * random.nextDouble();
      }
      actors.add(new Actor(i, i, random.nextInt(100), path));
    }
    return actors;
  }

  private static List<Double> steady(double seconds) {
    List<Double> times = new ArrayList<>();
    for (int f = 0; f <= seconds * FPS; f++) {
      times.add(f / FPS);
    }
    return times;
  }
}
