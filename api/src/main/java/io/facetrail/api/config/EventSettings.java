package io.facetrail.api.config;

import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import java.time.Duration;

/**
 * The live event feed: the identity topic read from its start (within its retention) into a bounded
 * window of recent events, and the tracks topic for each track's best face thumbnail.
 *
 * @param enabled whether to read the topics at all (off: no live or recent events)
 * @param recentEvents events kept in memory for the recent-events endpoint and SSE resumption
 * @param recentWindow events older than this are dropped from memory
 * @param thumbnails track thumbnails kept in memory (least recently used dropped first)
 */
public record EventSettings(
    boolean enabled, int recentEvents, Duration recentWindow, int thumbnails) implements Validated {
  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.range(recentEvents, 1, 10_000_000, ConfigProblems.path(path, "recentEvents"));
    problems.range(thumbnails, 0, 10_000_000, ConfigProblems.path(path, "thumbnails"));
    problems.require(
        recentWindow != null && !recentWindow.isNegative() && !recentWindow.isZero(),
        ConfigProblems.path(path, "recentWindow"),
        "must be positive");
  }
}
