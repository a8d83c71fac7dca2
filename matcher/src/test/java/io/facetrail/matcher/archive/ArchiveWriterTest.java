package io.facetrail.matcher.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.Moment;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer: what the matcher hands over is written on close, the same video run again replaces
 * its tracks, and another video with the same track ids is kept beside them.
 */
class ArchiveWriterTest {
  @TempDir Path dir;

  private static ArchivedTrack track(String id, long firstSequence, long seed, long archivedMs) {
    Moment first = new Moment(firstSequence, firstSequence * 200_000, archivedMs);
    Moment last = new Moment(firstSequence + 10, (firstSequence + 10) * 200_000, archivedMs);
    return new ArchivedTrack(
        id,
        "lobby",
        "dlib-r29-v1",
        first,
        last,
        java.time.Instant.ofEpochMilli(archivedMs),
        5,
        ArchiveSamples.code(seed),
        List.of(),
        null,
        Map.of());
  }

  @Test
  void aVideoOfTheSameNameIsKeptBesideTheFirstAndARerunReplacesIt() {
    ArchiveSettings settings =
        new ArchiveSettings(
            ArchiveSettings.Store.LOCAL,
            dir.toString(),
            null,
            Duration.ofDays(90),
            Duration.ofHours(1),
            100,
            Duration.ofMillis(100),
            false);
    long t0 = ArchiveSamples.T0.toEpochMilli();
    Clock clock = Clock.fixed(ArchiveSamples.T0, ZoneOffset.UTC);
    try (TrackArchive archive = LocalTrackArchive.open(dir.resolve("a"))) {
      try (ArchiveWriter writer =
          new ArchiveWriter(archive, settings, clock, new SimpleMeterRegistry())) {
        writer.ended(track("lobby/r0/t0", 0, 1, t0), ArchiveSamples.decision("lobby/r0/t0", null));
        // The same video again: the same frames.
        writer.ended(
            track("lobby/r0/t0", 0, 2, t0 + 1), ArchiveSamples.decision("lobby/r0/t0", null));
        // Another video named lobby: the same ids, other frames.
        writer.ended(
            track("lobby/r0/t0", 40, 3, t0 + 2), ArchiveSamples.decision("lobby/r0/t0", null));
      }
      List<String> ids = new ArrayList<>();
      archive.forEach((t, d) -> ids.add(t.trackId() + " " + d.trackId()));
      assertThat(ids)
          .containsExactlyInAnyOrder(
              "lobby/r0/t0 lobby/r0/t0", "lobby/r0/t0@" + (t0 + 2) + " lobby/r0/t0@" + (t0 + 2));
      assertThat(archive.track("lobby/r0/t0").orElseThrow().aggregate())
          .isEqualTo(ArchiveSamples.code(2));
    }
  }
}
