package io.facetrail.evaluation.tracking.scene;

import java.util.List;

/**
 * One generated sequence: what happens in it and when its frames are taken.
 *
 * @param name short name (crossing, occlusion, ...)
 * @param width frame width
 * @param height frame height
 * @param frameTimes capture time of every frame, seconds, increasing (not necessarily evenly)
 * @param actors the people
 * @param backgroundSeed seed of the generated background
 * @param cuts times (seconds) at which the camera cuts to another view: shot k (counting from 0)
 *     has its own background, generated from {@code backgroundSeed + k}
 */
public record Scenario(
    String name,
    int width,
    int height,
    List<Double> frameTimes,
    List<Actor> actors,
    long backgroundSeed,
    List<Double> cuts) {
  public Scenario {
    frameTimes = List.copyOf(frameTimes);
    actors = List.copyOf(actors);
    cuts = List.copyOf(cuts);
  }

  /** A scenario filmed as one shot. */
  public Scenario(
      String name,
      int width,
      int height,
      List<Double> frameTimes,
      List<Actor> actors,
      long backgroundSeed) {
    this(name, width, height, frameTimes, actors, backgroundSeed, List.of());
  }

  /** The shot a time falls in: cuts at or before it. */
  public int shotAt(double time) {
    int shot = 0;
    for (double cut : cuts) {
      if (cut <= time) {
        shot++;
      }
    }
    return shot;
  }

  /** How many distinct photos the scenario uses (photos 0..n-1). */
  public int photos() {
    return actors.stream().mapToInt(Actor::photo).max().orElse(-1) + 1;
  }
}
