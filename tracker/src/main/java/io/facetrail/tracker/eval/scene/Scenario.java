package io.facetrail.tracker.eval.scene;

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
 */
public record Scenario(
    String name,
    int width,
    int height,
    List<Double> frameTimes,
    List<Actor> actors,
    long backgroundSeed) {
  public Scenario {
    frameTimes = List.copyOf(frameTimes);
    actors = List.copyOf(actors);
  }

  /** How many distinct photos the scenario uses (photos 0..n-1). */
  public int photos() {
    return actors.stream().mapToInt(Actor::photo).max().orElse(-1) + 1;
  }
}
