package io.facetrail.app.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.app.report.TimelineFixtures;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.local.LocalGallery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which persons an earlier timeline names that the gallery no longer has by that name. */
class StaleNamesTest {
  @TempDir Path dir;

  private static PersonRecord person(String id, String name) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new PersonRecord(new Person(id, name, Map.of(), t, t), List.of());
  }

  @Test
  void countsErasedAndRenamedPersonsOnly() {
    try (LocalGallery g = LocalGallery.open(dir, Clock.systemUTC())) {
      g.importPersons(List.of(person("alice", "Alice <A>"), person("bob", "Bob")));
      assertThat(StaleNames.count(TimelineFixtures.cast(), g)).isZero();

      g.rename("bob", "Robert");
      assertThat(StaleNames.count(TimelineFixtures.cast(), g)).isOne();

      g.erase("alice");
      assertThat(StaleNames.count(TimelineFixtures.cast(), g)).isEqualTo(2);
    }
  }
}
