package io.facetrail.runtime.kafka;

import io.facetrail.contracts.topic.Stage;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import java.time.Duration;
import java.util.Optional;

/**
 * How long each topic FaceTrail creates keeps its records ({@code retention.ms}), set explicitly so
 * that frames, face codes and dead letters (whole original payloads) do not stay as long as the
 * broker's default (a week, often more). Each stage reads its input within seconds; retention only
 * has to cover an outage of the reader.
 *
 * @param frames decoded frames (whole images): short
 * @param faces faces per frame (thumbnails, face codes)
 * @param tracks track lifecycles and observations (face codes)
 * @param identity identity events, read by downstream consumers that may be down for a while
 * @param deadLetters records a stage could not process, kept for an operator to look at
 */
public record TopicRetention(
    Duration frames, Duration faces, Duration tracks, Duration identity, Duration deadLetters)
    implements Validated {
  private static final Duration MIN = Duration.ofMinutes(1);
  private static final Duration MAX = Duration.ofDays(3650);

  /** The defaults of every service's configuration ({@code kafka.retention}). */
  public static TopicRetention defaults() {
    return new TopicRetention(
        Duration.ofHours(1),
        Duration.ofHours(12),
        Duration.ofHours(12),
        Duration.ofDays(7),
        Duration.ofDays(7));
  }

  /**
   * The retention of the topic named {@code name} under {@code topics}' prefix; empty for a topic
   * FaceTrail does not know (it is left at the broker's default).
   */
  public Optional<Duration> of(TopicRegistry topics, String name) {
    if (name.equals(topics.frames().name())) {
      return Optional.of(frames);
    }
    if (name.equals(topics.faces().name())) {
      return Optional.of(faces);
    }
    if (name.equals(topics.tracks().name())) {
      return Optional.of(tracks);
    }
    if (name.equals(topics.identity().name())) {
      return Optional.of(identity);
    }
    for (Stage stage : Stage.values()) {
      if (name.equals(topics.deadLetters(stage).name())) {
        return Optional.of(deadLetters);
      }
    }
    return Optional.empty();
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    check(problems, path, "frames", frames);
    check(problems, path, "faces", faces);
    check(problems, path, "tracks", tracks);
    check(problems, path, "identity", identity);
    check(problems, path, "deadLetters", deadLetters);
  }

  private static void check(ConfigProblems problems, String path, String name, Duration d) {
    String at = ConfigProblems.path(path, name);
    problems.required(d, at);
    if (d != null) {
      problems.require(
          d.compareTo(MIN) >= 0 && d.compareTo(MAX) <= 0, at, "must be between 1m and 3650d");
    }
  }
}
