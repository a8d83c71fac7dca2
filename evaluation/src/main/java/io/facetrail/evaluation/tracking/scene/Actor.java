package io.facetrail.evaluation.tracking.scene;

import java.util.List;
import java.util.Optional;

/**
 * One person in a scenario: a face moving along a piecewise-linear path of keyframes. The person is
 * in the scene from the first keyframe to the last; keyframes outside the frame make them leave it.
 *
 * @param id ground-truth id, unique in the scenario
 * @param photo index into the scenario's photos
 * @param depth drawing order: larger depths are drawn later, in front
 * @param path keyframes in time order
 */
public record Actor(int id, int photo, int depth, List<Keyframe> path) {
  /**
   * Where the face patch is at a time.
   *
   * @param time seconds from the start
   * @param cx patch centre
   * @param cy patch centre
   * @param height patch height in pixels
   */
  public record Keyframe(double time, double cx, double cy, double height) {}

  public Actor {
    path = List.copyOf(path);
    if (path.isEmpty()) {
      throw new IllegalArgumentException("actor " + id + " has no path");
    }
  }

  /** The interpolated placement at {@code time}, or empty when the person is not in the scene. */
  public Optional<Keyframe> at(double time) {
    if (time < path.get(0).time() || time > path.get(path.size() - 1).time()) {
      return Optional.empty();
    }
    for (int i = 1; i < path.size(); i++) {
      Keyframe a = path.get(i - 1);
      Keyframe b = path.get(i);
      if (time <= b.time()) {
        double u = b.time() == a.time() ? 1 : (time - a.time()) / (b.time() - a.time());
        return Optional.of(
            new Keyframe(
                time,
                a.cx() + u * (b.cx() - a.cx()),
                a.cy() + u * (b.cy() - a.cy()),
                a.height() + u * (b.height() - a.height())));
      }
    }
    return Optional.of(path.get(path.size() - 1));
  }
}
