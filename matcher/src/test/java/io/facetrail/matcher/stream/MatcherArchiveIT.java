package io.facetrail.matcher.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.matcher.archive.ArchiveSettings;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.RedisTrackArchive;
import io.facetrail.matcher.archive.TrackDecision;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.redis.RedisGallery;
import io.facetrail.matcher.gallery.redis.RedisSettings;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matcher service with its track archive beside a Redis gallery: an ended track lands in the
 * archive with its codes, thumbnail and decision; enrolling the stranger afterwards re-decides the
 * archived track and publishes {@code identified} with {@code retroactive: true}; erasing them
 * removes the track from the archive.
 */
class MatcherArchiveIT {
  @TempDir Path dir;

  @Test
  void anEndedTrackIsArchivedAndReDecidedWhenItsPersonIsEnrolled() throws Exception {
    String prefix = "facetrail-it:" + UUID.randomUUID();
    RedisSettings gallerySettings = RedisSettings.local("127.0.0.1", 6379, prefix);
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral();
        MatcherItSupport it = new MatcherItSupport(broker.bootstrapServers());
        RedisGallery gallery = RedisGallery.connect(gallerySettings, Clock.systemUTC());
        RedisTrackArchive archive =
            RedisTrackArchive.connect(
                RedisSettings.local("127.0.0.1", 6379, prefix + "-archive"))) {
      try {
        MatcherItSupport.enrol(gallery, 0, 10);
        MatcherConfig config =
            it.config(dir.resolve("state"), "127.0.0.1", 6379, prefix)
                .withArchive(
                    MatcherConfig.loader()
                        .load(null, java.util.Map.of(), java.util.Map.of())
                        .archive());
        assertThat(config.archive().store()).isEqualTo(ArchiveSettings.Store.GALLERY);
        Thresholds thresholds = MatcherItSupport.thresholds();
        try (MatcherService service =
            MatcherService.start(config, Clock.systemUTC(), Duration.ofSeconds(60), thresholds)) {
          it.observe("known", 4, 0, 8);
          it.end("known", 4, 8);
          it.observe("stranger", 42, 0, 8);
          it.end("stranger", 42, 8);
          List<IdentityEvent> live = it.awaitEvents(3, Duration.ofSeconds(60));
          assertThat(live)
              .filteredOn(e -> e.trackId().equals("stranger"))
              .extracting(IdentityEvent::type)
              .containsExactly(IdentityEventType.UNKNOWN);

          Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> archive.count() == 2);
          ArchivedTrack stranger = archive.track("stranger").orElseThrow();
          assertThat(stranger.streamId()).isEqualTo("cam-" + it.run);
          assertThat(stranger.goodFrames()).isEqualTo(8);
          assertThat(stranger.bestFrames()).hasSize(3);
          assertThat(stranger.thumbnailJpeg()).startsWith((byte) 0xff, (byte) 0xd8);
          assertThat(archive.decision("stranger").orElseThrow().personId()).isNull();
          assertThat(archive.decision("known").orElseThrow().personId()).isNotNull();

          // Enrolling the stranger after the fact: the archived track is re-decided.
          String id = MatcherItSupport.enrol(gallery, 42, 43).get(0);
          List<IdentityEvent> retro =
              awaitTrack(it, "stranger", 2, Duration.ofSeconds(60)).subList(1, 2);
          IdentityEvent e = retro.get(0);
          assertThat(e.type()).isEqualTo(IdentityEventType.IDENTIFIED);
          assertThat(e.retroactive()).isTrue();
          assertThat(e.person().id()).isEqualTo(id);
          assertThat(e.person().name()).isEqualTo("Person 42");
          assertThat(e.previousPerson()).isNull();
          assertThat(e.lastSeen())
              .isEqualTo(
                  live.stream()
                      .filter(x -> x.trackId().equals("stranger"))
                      .findFirst()
                      .orElseThrow()
                      .lastSeen());
          Awaitility.await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () -> archive.decision("stranger").map(TrackDecision::personId),
                  p -> p.equals(Optional.of(id)));
          assertThat(archive.decision("stranger").orElseThrow().retroactive()).isTrue();

          // Erasing them takes their archived track with them.
          assertThat(gallery.erase(id)).isTrue();
          Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> archive.track("stranger").isEmpty());
          assertThat(archive.track("known")).isPresent();
        }
      } finally {
        archive.deleteAll();
        gallery.deleteAll();
      }
    }
  }

  private static List<IdentityEvent> awaitTrack(
      MatcherItSupport it, String trackId, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<IdentityEvent> mine = List.of();
    while (mine.size() < count && System.nanoTime() < deadline) {
      mine =
          it.drain(Duration.ofMillis(500)).stream()
              .filter(e -> e.trackId().equals(trackId))
              .toList();
    }
    assertThat(mine).as("events of " + trackId).hasSize(count);
    return mine;
  }
}
