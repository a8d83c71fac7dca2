package io.facetrail.benchmarks.faults;

import io.facetrail.benchmarks.faults.Pipeline.Service;
import io.facetrail.contracts.topic.TopicRegistry;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scenario from start to end: a fresh pipeline, ingest of the video, the fault once the
 * embedder is a set way into the stream, the restart, and then waiting until ingest has exited,
 * every stage has caught up and the identity topic has stayed the same for the quiet period.
 */
final class FaultRun {
  private static final Logger log = LoggerFactory.getLogger(FaultRun.class);
  private final ChildProcesses children;
  private final RedisServer redis;
  private final RunSettings settings;

  FaultRun(ChildProcesses children, RedisServer redis, RunSettings settings) {
    this.children = children;
    this.redis = redis;
    this.settings = settings;
  }

  RunResult run(Scenario scenario, Path dir) throws IOException, InterruptedException {
    String archivePrefix = "bench-faults:" + scenario.cliName() + ":archive";
    try (Pipeline pipeline = new Pipeline(children, dir, settings.detection(), archivePrefix)) {
      log.info(
          "Run {}: starting broker, embedder, tracker, matcher (logs in {})",
          scenario.cliName(),
          dir);
      pipeline.startAll();
      KafkaSettings kafka =
          KafkaSettings.local(pipeline.bootstrapServers(), TopicRegistry.DEFAULT_PREFIX);
      try (KafkaProbe probe = new KafkaProbe(kafka)) {
        return run(scenario, dir, pipeline, probe);
      }
    }
  }

  private RunResult run(Scenario scenario, Path dir, Pipeline pipeline, KafkaProbe probe)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    long deadline = t0 + settings.timeout().toNanos();
    Process ingest = pipeline.startIngest(settings.video(), settings.fps());
    Double faultAt = null;
    Double recovery = null;
    Double restartReady = null;
    String problem = null;
    if (scenario != Scenario.BASELINE) {
      if (!awaitTrigger(probe, ingest, deadline)) {
        problem =
            "the embedder never committed "
                + settings.faultAfterOffsets()
                + " offsets of the frames topic: no fault injected (a shorter video than the"
                + " trigger, or a stalled pipeline; see the logs)";
      } else {
        long fault = System.nanoTime();
        faultAt = seconds(t0, fault);
        Service target = stageOf(scenario.target());
        log.info("Run {}: fault at {} s: {}", scenario.cliName(), faultAt, scenario.description());
        OptionalLong before = inject(scenario, pipeline, probe);
        if (target != null) {
          pipeline.awaitReady(target);
        }
        // Broker and Redis: inject returns once the restarted server accepts clients.
        restartReady = seconds(fault, System.nanoTime());
        recovery = awaitRecovery(scenario, pipeline, probe, before, fault, deadline);
      }
    }
    String unfinished = awaitFinished(pipeline, probe, ingest, deadline);
    if (problem == null) {
      problem = unfinished;
    }
    if (problem == null && ingest.exitValue() != 0) {
      problem =
          "ingest exited with " + ingest.exitValue() + " (log: " + dir.resolve("ingest.log") + ")";
    }
    double runSeconds = seconds(t0, System.nanoTime());
    OptionalDouble deferred =
        ServiceMetrics.sum(pipeline.httpPort(Service.MATCHER), "facetrail_matcher_deferred_total");
    List<IdentityRecord> events = probe.readIdentity();
    return new RunResult(
        scenario,
        events,
        faultAt,
        recovery,
        restartReady,
        deferred.isPresent() ? deferred.getAsDouble() : null,
        runSeconds,
        problem,
        dir);
  }

  /** Waits until the embedder has committed the trigger's offsets; false if the run ended first. */
  private boolean awaitTrigger(KafkaProbe probe, Process ingest, long deadline)
      throws InterruptedException {
    while (System.nanoTime() < deadline) {
      OptionalLong c = probe.committed("facetrail-embedder");
      if (c.isPresent() && c.getAsLong() >= settings.faultAfterOffsets()) {
        return true;
      }
      // Caught up while ingest still publishes is only a pause in the stream, not its end.
      if (!ingest.isAlive() && probe.caughtUp()) {
        // Everything already processed: there is no stream left to be in the middle of.
        return false;
      }
      Thread.sleep(100);
    }
    return false;
  }

  /**
   * Injects the fault and restarts what it stopped; returns the faulted part's group progress at
   * the fault (read after a kill, so a transaction the killed process committed just before does
   * not count as the restarted one's; read before a broker or Redis stop).
   */
  private OptionalLong inject(Scenario scenario, Pipeline pipeline, KafkaProbe probe)
      throws IOException, InterruptedException {
    String group = groupOf(scenario.target());
    switch (scenario.target()) {
      case BROKER -> {
        OptionalLong before = probe.committed(group);
        pipeline.stop(Service.BROKER);
        Thread.sleep(settings.outage().toMillis());
        pipeline.start(Service.BROKER);
        return before;
      }
      case REDIS -> {
        OptionalLong before = probe.committed(group);
        redis.stop();
        Thread.sleep(settings.outage().toMillis());
        redis.start();
        return before;
      }
      case EMBEDDER, TRACKER, MATCHER -> {
        Service s = stageOf(scenario.target());
        pipeline.kill(s);
        OptionalLong before = probe.committed(group);
        pipeline.start(s);
        return before;
      }
      case NONE -> throw new IllegalArgumentException("the baseline has no fault");
    }
    throw new IllegalStateException("unhandled fault target " + scenario.target());
  }

  /**
   * Seconds from the fault until the faulted stage processes again: its group commits past where it
   * stood at the fault (the broker: the embedder, the first stage behind it); for Redis, until the
   * matcher answers ready again (its readiness includes the gallery's freshness, and decisions wait
   * while the gallery is stale). Null when that did not happen before the stream was done.
   */
  private Double awaitRecovery(
      Scenario scenario,
      Pipeline pipeline,
      KafkaProbe probe,
      OptionalLong before,
      long fault,
      long deadline)
      throws InterruptedException {
    String group = groupOf(scenario.target());
    while (System.nanoTime() < deadline) {
      if (scenario.target() == Scenario.Target.REDIS) {
        if (pipeline.ready(Service.MATCHER)) {
          return seconds(fault, System.nanoTime());
        }
      } else {
        OptionalLong now = probe.committed(group);
        if (now.isPresent() && now.getAsLong() > before.orElse(-1)) {
          return seconds(fault, System.nanoTime());
        }
        if (probe.caughtUp()) {
          return null;
        }
      }
      Thread.sleep(100);
    }
    return null;
  }

  /**
   * Waits for the end of the run; returns null when it ended normally, else what went wrong. A
   * stage that exits on its own is a problem: the suite restarts only what it kills.
   */
  private String awaitFinished(Pipeline pipeline, KafkaProbe probe, Process ingest, long deadline)
      throws InterruptedException {
    int lastCount = -1;
    long stableSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      String died = pipeline.exited();
      if (died != null) {
        return died;
      }
      if (!ingest.isAlive() && probe.caughtUp()) {
        int count = probe.identityCount();
        if (count < 0 || count != lastCount) {
          lastCount = count;
          stableSince = System.nanoTime();
        } else if (System.nanoTime() - stableSince >= settings.quiet().toNanos()) {
          return null;
        }
      } else {
        lastCount = -1;
      }
      Thread.sleep(500);
    }
    return "not finished within "
        + settings.timeout().toSeconds()
        + " s (logs: "
        + pipeline.dir()
        + ")";
  }

  private static Service stageOf(Scenario.Target t) {
    return switch (t) {
      case EMBEDDER -> Service.EMBEDDER;
      case TRACKER -> Service.TRACKER;
      case MATCHER -> Service.MATCHER;
      case NONE, BROKER, REDIS -> null;
    };
  }

  /** The consumer group whose progress shows the faulted part processing again. */
  private static String groupOf(Scenario.Target t) {
    return switch (t) {
      case TRACKER -> "facetrail-tracker";
      case MATCHER, REDIS -> "facetrail-matcher";
      case NONE, BROKER, EMBEDDER -> "facetrail-embedder";
    };
  }

  private static double seconds(long from, long to) {
    return Math.round((to - from) / 1e7) / 100.0;
  }
}
