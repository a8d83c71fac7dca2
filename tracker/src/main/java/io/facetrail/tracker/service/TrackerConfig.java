package io.facetrail.tracker.service;

import io.facetrail.runtime.config.ConfigLoader;
import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import io.facetrail.runtime.http.HttpSettings;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.facetrail.tracker.track.TrackingParameters;

/**
 * Configuration of the tracker service; defaults (documenting every setting) in {@code
 * tracker-defaults.yaml}.
 */
public record TrackerConfig(
    KafkaSettings kafka, HttpSettings http, StreamsSettings streams, TrackingParameters tracking)
    implements Validated {

  /** The loader: defaults, then the file, then {@code FACETRAIL_*} variables, then overrides. */
  public static ConfigLoader<TrackerConfig> loader() {
    return new ConfigLoader<>(TrackerConfig.class, "tracker-defaults.yaml");
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.section(kafka, ConfigProblems.path(path, "kafka"));
    problems.section(http, ConfigProblems.path(path, "http"));
    problems.section(streams, ConfigProblems.path(path, "streams"));
    problems.section(tracking, ConfigProblems.path(path, "tracking"));
  }
}
