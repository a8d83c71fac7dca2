package io.facetrail.app.hosting;

import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import io.facetrail.tracker.track.TrackingParameters;

/**
 * Whether the matcher service's Streams application also runs the tracker (faces topic in, tracks
 * topic out), so a small deployment needs one service fewer. The tracker's parameters mean what
 * they mean for {@code facetrail tracker}.
 *
 * @param hosted run the tracker inside the matcher
 * @param tracking the tracker's parameters when hosted
 */
public record HostedTracker(boolean hosted, TrackingParameters tracking) implements Validated {
  @Override
  public void validate(ConfigProblems problems, String path) {
    if (hosted) {
      problems.section(tracking, ConfigProblems.path(path, "tracking"));
    }
  }
}
