package io.facetrail.ingest.config;

import io.facetrail.ingest.source.SourceSpec;
import io.facetrail.ingest.source.StreamIds;
import io.facetrail.runtime.config.ConfigLoader;
import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import io.facetrail.runtime.http.HttpSettings;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ingest service's configuration. Every setting and its default is documented in {@code
 * ingest-defaults.yaml} next to this class.
 *
 * @param kafka where frames go
 * @param http the metrics, health and status endpoint
 * @param defaults settings every stream inherits
 * @param streams the sources to ingest
 * @param statusInterval how often to log each stream's progress when not on a terminal
 */
public record IngestConfig(
    KafkaSettings kafka,
    HttpSettings http,
    StreamDefaults defaults,
    List<StreamConfig> streams,
    Duration statusInterval)
    implements Validated {

  private static final Pattern STREAM_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

  public IngestConfig {
    streams = streams == null ? List.of() : List.copyOf(streams);
  }

  /** The loader of this configuration (defaults, file, environment, overrides). */
  public static ConfigLoader<IngestConfig> loader() {
    return new ConfigLoader<>(IngestConfig.class, "ingest-defaults.yaml");
  }

  /** The same configuration with more streams (inputs given on the command line). */
  public IngestConfig withStreams(List<StreamConfig> more) {
    List<StreamConfig> all = new ArrayList<>(streams);
    all.addAll(more);
    return new IngestConfig(kafka, http, defaults, all, statusInterval);
  }

  /** Every stream as a source, with stream ids assigned: explicit ones first, then derived ones. */
  public List<SourceSpec> sources() {
    List<String> explicit = streams.stream().map(StreamConfig::id).toList();
    List<String> inputs = streams.stream().map(StreamConfig::input).toList();
    List<String> ids = StreamIds.assign(explicit, inputs);
    List<SourceSpec> out = new ArrayList<>();
    for (int i = 0; i < streams.size(); i++) {
      out.add(streams.get(i).toSpec(ids.get(i), defaults));
    }
    return out;
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.section(kafka, ConfigProblems.path(path, "kafka"));
    problems.section(http, ConfigProblems.path(path, "http"));
    problems.required(statusInterval, ConfigProblems.path(path, "statusInterval"));
    if (defaults == null) {
      problems.add(ConfigProblems.path(path, "defaults"), "section is missing");
      return;
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < streams.size(); i++) {
      String at = ConfigProblems.path(path, "streams[" + i + "]");
      StreamConfig s = streams.get(i);
      if (s == null || s.input() == null || s.input().isBlank()) {
        problems.add(at + ".input", "is required");
        continue;
      }
      if (s.id() != null) {
        problems.require(
            STREAM_ID.matcher(s.id()).matches(),
            at + ".id",
            "'" + s.id() + "' must be 1..200 of A-Z a-z 0-9 . _ : -");
        problems.require(ids.add(s.id()), at + ".id", "'" + s.id() + "' is used twice");
      }
      try {
        s.toSpec(s.id() == null ? "check" : s.id(), defaults);
      } catch (IllegalArgumentException | NullPointerException e) {
        problems.add(at, e.getMessage());
      }
    }
  }
}
