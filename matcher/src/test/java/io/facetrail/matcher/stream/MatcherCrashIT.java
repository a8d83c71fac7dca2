package io.facetrail.matcher.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.faces.calibration.CalibrationTable;
import io.facetrail.matcher.gallery.redis.RedisGallery;
import io.facetrail.matcher.gallery.redis.RedisSettings;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matcher's JVM is killed with SIGKILL in the middle of tracks and started again: every
 * identity event arrives exactly once for read_committed consumers, with the same ids.
 */
class MatcherCrashIT {
  /** Observations of track a in the burst: enough that processing them spans several commits. */
  private static final int BURST = 3000;

  @TempDir Path dir;

  private Process startChild(Path config, Path calibration, Path log) throws IOException {
    String cp = calibration + File.pathSeparator + System.getProperty("java.class.path");
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-Dai.djl.offline=true",
            "-cp",
            cp,
            MatcherChild.class.getName(),
            config.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return pb.start();
  }

  @Test
  void aKilledMatcherResumesWithoutLostOrDuplicatedEvents() throws Exception {
    String prefix = "facetrail-it:" + UUID.randomUUID();
    // The child finds the synthetic model's calibration where the face library keeps its tables.
    Path calibration = dir.resolve("calibration");
    Path tableFile =
        calibration.resolve("io/facetrail/faces/calibration/" + MatcherItSupport.MODEL + ".json");
    Files.createDirectories(tableFile.getParent());
    Files.writeString(tableFile, MatcherItSupport.TABLE.toJson());
    assertThat(CalibrationTable.read(Files.newInputStream(tableFile)).points()).hasSize(3);
    Path log = dir.resolve("matcher-child.log");
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral();
        MatcherItSupport it = new MatcherItSupport(broker.bootstrapServers());
        RedisGallery gallery =
            RedisGallery.connect(
                RedisSettings.local("127.0.0.1", 6379, prefix), Clock.systemUTC())) {
      Process child = null;
      try {
        MatcherItSupport.enrol(gallery, 0, 20);
        Path config = dir.resolve("matcher.yaml");
        // The product's defaults: the restarted instance, on the same state directory, takes the
        // killed one's tasks back through static membership (StaticMembership).
        Files.writeString(config, it.configYaml(dir.resolve("state"), "127.0.0.1", 6379, prefix));
        child = startChild(config, calibration, log);
        it.observe("warmup", 1, 0, 4);
        assertThat(it.awaitEvents(1, Duration.ofSeconds(90))).as("child log: " + log).hasSize(1);
        it.observe("a", 3, 0, 5);
        assertThat(it.awaitEvents(2, Duration.ofSeconds(30))).hasSize(2);

        // A burst the matcher is busy with when it dies: track a continues, track b begins. It is
        // killed once it has committed part of the burst, and must not have committed all of it.
        long beforeBurst = it.tracksEnd();
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> it.tracksCommitted() >= beforeBurst);
        it.observe("a", 3, 5, BURST);
        it.observe("b", 5, 0, 2);
        long burstEnd = it.tracksEnd();
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(10))
            .until(() -> it.tracksCommitted() > beforeBurst);
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no commit.
        child.waitFor();
        assertThat(it.tracksCommitted())
            .as("the kill came while the burst was being processed (committed offsets)")
            .isGreaterThan(beforeBurst)
            .isLessThan(burstEnd);

        it.observe("b", 5, 2, 10);
        it.end("a", 3, BURST);
        it.end("b", 5, 10);
        it.end("warmup", 1, 4);
        long restarted = System.nanoTime();
        child = startChild(config, calibration, log);
        List<IdentityEvent> events = it.awaitEvents(6, Duration.ofSeconds(120));
        System.err.printf(
            "MatcherCrashIT: restart to every event: %.1f s (JVM start included)%n",
            (System.nanoTime() - restarted) / 1e9);
        events = it.drain(Duration.ofSeconds(3));

        Map<String, List<IdentityEventType>> byTrack =
            events.stream()
                .collect(
                    Collectors.groupingBy(
                        IdentityEvent::trackId,
                        Collectors.mapping(IdentityEvent::type, Collectors.toList())));
        assertThat(byTrack).as("child log: " + log).containsOnlyKeys("warmup", "a", "b");
        for (String track : List.of("warmup", "a", "b")) {
          assertThat(byTrack.get(track))
              .containsExactly(IdentityEventType.IDENTIFIED, IdentityEventType.ENDED);
        }
        assertThat(events.stream().map(IdentityEvent::eventId).distinct()).hasSize(6);
      } finally {
        if (child != null && child.isAlive()) {
          child.destroyForcibly();
          child.waitFor();
        }
        gallery.deleteAll();
      }
    }
  }
}
