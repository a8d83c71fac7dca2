package io.facetrail.matcher.stream;

import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import io.facetrail.tracker.track.TrackingParameters;

/**
 * Whether the matcher's Streams application also runs the tracker (faces topic in, tracks topic
 * out), so a small deployment needs one service fewer. The tracker's parameters mean what they mean
 * for {@code facetrail tracker}.
 *
 * @param hosted run the tracker inside the matcher
 * @param tracking the tracker's parameters when hosted
 */
public record HostedTracker(boolean hosted, TrackingParameters tracking) implements Validated {
  /** Not hosted: the tracker runs as its own service. */
  public static HostedTracker separate() {
    return new HostedTracker(false, TrackingParameters.defaults());
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    if (hosted) {
      problems.section(tracking, ConfigProblems.path(path, "tracking"));
    }
  }
}
