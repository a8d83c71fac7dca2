package io.facetrail.benchmarks.faults;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** One run of the fault suite: the baseline (no fault) or one fault injected mid-stream. */
public enum Scenario {
  BASELINE(Target.NONE, "no fault: the events every other run is compared with"),
  BROKER_RESTART(Target.BROKER, "stop the Kafka broker (SIGTERM), wait the outage, start it again"),
  REDIS_RESTART(Target.REDIS, "stop the gallery's redis-server (SIGTERM), wait, start it again"),
  KILL_EMBEDDER(Target.EMBEDDER, "SIGKILL the embedder mid-batch, start a new one"),
  KILL_TRACKER(Target.TRACKER, "SIGKILL the tracker mid-batch, start a new one"),
  KILL_MATCHER(Target.MATCHER, "SIGKILL the matcher mid-batch, start a new one");

  /** What a scenario's fault hits. */
  public enum Target {
    NONE,
    BROKER,
    REDIS,
    EMBEDDER,
    TRACKER,
    MATCHER
  }

  private final Target target;
  private final String description;

  Scenario(Target target, String description) {
    this.target = target;
    this.description = description;
  }

  public Target target() {
    return target;
  }

  public String description() {
    return description;
  }

  /** True for the restart of a shared dependency (outage), false for a killed stage or none. */
  public boolean isOutage() {
    return target == Target.BROKER || target == Target.REDIS;
  }

  /** The command-line name: {@code kill-embedder}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The scenario named {@code name} on the command line, or an error listing the valid names. */
  public static Scenario fromCliName(String name) {
    for (Scenario s : values()) {
      if (s.cliName().equals(name.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown scenario '"
            + name
            + "'; valid: "
            + Arrays.stream(values()).map(Scenario::cliName).collect(Collectors.joining(", ")));
  }
}
