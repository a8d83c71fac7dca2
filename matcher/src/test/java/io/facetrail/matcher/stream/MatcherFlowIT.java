package io.facetrail.matcher.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.redis.RedisGallery;
import io.facetrail.matcher.gallery.redis.RedisSettings;
import io.facetrail.runtime.kafka.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matcher service end to end on the in-process broker and the shared Redis: an enrolled person
 * is identified once, a stranger is unknown, and an erased person's name disappears from later
 * events.
 */
class MatcherFlowIT {
  @TempDir Path dir;

  @Test
  void identifiesEnrolledPersonsAndReportsStrangersAsUnknown() throws Exception {
    String prefix = "facetrail-it:" + UUID.randomUUID();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startEphemeral();
        MatcherItSupport it = new MatcherItSupport(broker.bootstrapServers());
        RedisGallery gallery =
            RedisGallery.connect(
                RedisSettings.local("127.0.0.1", 6379, prefix), Clock.systemUTC())) {
      try {
        List<String> ids = MatcherItSupport.enrol(gallery, 0, 30);
        MatcherConfig config = it.config(dir.resolve("state"), "127.0.0.1", 6379, prefix);
        Thresholds thresholds = MatcherItSupport.thresholds();
        try (MatcherService service =
            MatcherService.start(config, Clock.systemUTC(), Duration.ofSeconds(60), thresholds)) {
          it.observe("known", 4, 0, 8);
          it.end("known", 4, 8);
          it.observe("stranger", 9_999, 0, 8);
          it.end("stranger", 9_999, 8);
          it.observe("erased", 6, 0, 5);
          List<IdentityEvent> events = it.awaitEvents(4, Duration.ofSeconds(60));
          assertThat(events)
              .filteredOn(e -> e.trackId().equals("known"))
              .extracting(IdentityEvent::type)
              .containsExactly(IdentityEventType.IDENTIFIED, IdentityEventType.ENDED);
          assertThat(events)
              .filteredOn(e -> e.trackId().equals("known"))
              .allSatisfy(e -> assertThat(e.person().id()).isEqualTo(ids.get(4)));
          assertThat(events)
              .filteredOn(e -> e.trackId().equals("stranger"))
              .extracting(IdentityEvent::type)
              .containsExactly(IdentityEventType.UNKNOWN);

          // Erasure while the track is live: the named part ends with an event naming nobody.
          assertThat(gallery.erase(ids.get(6))).isTrue();
          // The track ends only once this matcher's index has applied the erasure.
          Awaitility.await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> service.galleryPersons() == ids.size() - 1);
          it.end("erased", 6, 5);
          List<IdentityEvent> all = it.awaitEvents(5, Duration.ofSeconds(30));
          List<IdentityEvent> erased =
              all.stream().filter(e -> e.trackId().equals("erased")).toList();
          assertThat(erased)
              .extracting(IdentityEvent::type)
              .containsExactly(IdentityEventType.IDENTIFIED, IdentityEventType.ENDED);
          assertThat(erased.get(0).person().name()).isEqualTo("Person 6");
          assertThat(erased.get(1).person()).as("the erased id is not repeated").isNull();
          assertThat(it.drain(Duration.ofSeconds(2))).hasSize(5);
        }
      } finally {
        gallery.deleteAll();
      }
    }
  }
}
