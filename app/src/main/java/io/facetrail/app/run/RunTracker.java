package io.facetrail.app.run;

import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import io.facetrail.tracker.track.TrackingParameters;

/**
 * The {@code tracker} section of a run's configuration: the tracker's parameters, under the name
 * the tracker service and the matcher's hosted tracker give them ({@code tracking}). The tracker
 * service's other settings (its broker, endpoint and Streams application) are the run's.
 *
 * @param tracking association and track lifecycle (tracker/README.md)
 */
public record RunTracker(TrackingParameters tracking) implements Validated {
  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.section(tracking, ConfigProblems.path(path, "tracking"));
  }
}
