package io.facetrail.runtime.config;

import io.facetrail.runtime.http.HttpSettings;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.time.Duration;
import java.util.List;

/** A service configuration of the usual shape, for the loader tests. */
record SampleConfig(KafkaSettings kafka, HttpSettings http, Worker worker) implements Validated {
  enum Mode {
    BATCH,
    STREAM
  }

  record Worker(int threads, Duration pollTimeout, Mode mode, List<String> tags)
      implements Validated {
    @Override
    public void validate(ConfigProblems problems, String path) {
      problems.range(threads, 1, 64, ConfigProblems.path(path, "threads"));
      problems.require(
          pollTimeout != null && !pollTimeout.isNegative() && !pollTimeout.isZero(),
          ConfigProblems.path(path, "pollTimeout"),
          "must be positive");
    }
  }

  static ConfigLoader<SampleConfig> loader() {
    return new ConfigLoader<>(SampleConfig.class, "sample-defaults.yaml");
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.section(kafka, ConfigProblems.path(path, "kafka"));
    problems.section(http, ConfigProblems.path(path, "http"));
    problems.section(worker, ConfigProblems.path(path, "worker"));
  }
}
