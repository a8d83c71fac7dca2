package io.facetrail.matcher.archive;

import io.facetrail.contracts.identity.Moment;
import io.facetrail.matcher.index.Match;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Archived tracks and decisions for tests: random codes, recognisable thumbnails. */
final class ArchiveSamples {
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private ArchiveSamples() {}

  static byte[] code(long seed) {
    byte[] c = new byte[128];
    new Random(seed).nextBytes(c);
    return c;
  }

  static ArchivedTrack track(String id, long seed, Instant archivedAt) {
    Moment first = new Moment(10, 1_000_000, archivedAt.toEpochMilli() - 4_000);
    Moment last = new Moment(30, 5_000_000, archivedAt.toEpochMilli() - 1_000);
    return new ArchivedTrack(
        id,
        "lobby.mp4",
        "dlib-r29-v1",
        first,
        last,
        archivedAt,
        12,
        code(seed),
        List.of(code(seed + 1), code(seed + 2)),
        ("JPEG-of-" + id).getBytes(StandardCharsets.UTF_8),
        Map.of("site", "hq"),
        new FaceQuality(64.5, 0.42, 117.25));
  }

  static TrackDecision decision(String id, String person, String... nearest) {
    List<Match> near =
        java.util.stream.IntStream.range(0, nearest.length)
            .mapToObj(i -> new Match(nearest[i], "", 900 + 100 * i, "dlib-r29-v1"))
            .toList();
    return new TrackDecision(id, person, 0.3, 0.38, 1e-4, 1e-2, 2, near, true, T0, false, 0);
  }
}
