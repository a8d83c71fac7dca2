package io.facetrail.matcher.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.redis.RedisGallery;
import io.facetrail.matcher.gallery.redis.RedisSettings;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import io.facetrail.runtime.testing.Executables;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * Redis stops in the middle of a run and comes back: decisions wait for the gallery, then every
 * event arrives, once. Uses its own redis-server on a spare port (never the shared one).
 */
class RedisOutageIT {

  @TempDir Path dir;

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private Process startRedis(int port) throws Exception {
    Path data = dir.resolve("redis");
    Files.createDirectories(data);
    Process p =
        new ProcessBuilder(
                Executables.require("redis-server", "redis-server").toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                data.toString(),
                "--appendonly",
                "yes",
                "--save",
                "")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
            .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try (RedisClient c = RedisClient.create("127.0.0.1", port)) {
        if ("PONG".equals(c.ping())) {
          return p;
        }
      } catch (RuntimeException e) {
        Thread.sleep(100); // Not listening yet.
      }
    }
    p.destroyForcibly();
    throw new AssertionError("redis-server did not start on port " + port);
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy(); // SIGTERM: Redis flushes its append-only file and exits.
    p.waitFor();
  }

  @Test
  void eventsAreDelayedNotLostWhileRedisIsDown() throws Exception {
    int port = freePort();
    Process redis = startRedis(port);
    String prefix = "facetrail-outage";
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral();
        MatcherItSupport it = new MatcherItSupport(broker.bootstrapServers())) {
      try (RedisGallery gallery =
          RedisGallery.connect(RedisSettings.local("127.0.0.1", port, prefix), Clock.systemUTC())) {
        MatcherItSupport.enrol(gallery, 0, 20);
      }
      MatcherConfig config = it.config(dir.resolve("state"), "127.0.0.1", port, prefix);
      Thresholds thresholds = MatcherItSupport.thresholds();
      try (MatcherService service =
          MatcherService.start(config, Clock.systemUTC(), Duration.ofSeconds(60), thresholds)) {
        it.observe("before", 2, 0, 5);
        assertThat(it.awaitEvents(1, Duration.ofSeconds(60))).hasSize(1);

        stop(redis);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (service.galleryFresh() && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(service.galleryFresh()).as("gallery seen as stale").isFalse();
        it.observe("during", 7, 0, 8);
        it.end("during", 7, 8);
        it.end("before", 2, 5);
        assertThat(it.drain(Duration.ofSeconds(3))).as("decisions wait for the gallery").hasSize(1);

        redis = startRedis(port);
        List<IdentityEvent> events = it.awaitEvents(4, Duration.ofSeconds(60));
        events = it.drain(Duration.ofSeconds(2));
        assertThat(events)
            .filteredOn(e -> e.trackId().equals("during"))
            .extracting(IdentityEvent::type)
            .containsExactly(IdentityEventType.IDENTIFIED, IdentityEventType.ENDED);
        assertThat(events)
            .filteredOn(e -> e.trackId().equals("before"))
            .extracting(IdentityEvent::type)
            .containsExactly(IdentityEventType.IDENTIFIED, IdentityEventType.ENDED);
        assertThat(events).hasSize(4);
      }
    } finally {
      if (redis.isAlive()) {
        stop(redis);
      }
    }
  }
}
