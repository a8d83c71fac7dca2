package io.facetrail.api.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.identity.Moment;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.FaceQuality;
import io.facetrail.matcher.archive.LocalTrackArchive;
import io.facetrail.matcher.archive.TrackDecision;
import io.facetrail.matcher.cluster.ClusterSettings;
import io.facetrail.matcher.cluster.UnknownClusters;
import io.facetrail.matcher.decision.Thresholds;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One rebuild of the clusters answers for {@link ClusterSnapshots#REUSE_FOR}, or until dropped. */
class ClusterSnapshotsTest {
  @TempDir Path dir;

  private final AtomicLong nanos = new AtomicLong();
  private final Random random = new Random(7);

  @Test
  void aRebuildIsReusedWithinTheWindowAndRedoneAfterItOrWhenDropped() {
    ClusterSnapshots snapshots =
        new ClusterSnapshots(ClusterSettings.defaults(), Thresholds.shipped(1e-3), nanos::get);
    try (LocalTrackArchive archive = LocalTrackArchive.open(dir)) {
      put(archive, "t1");
      UnknownClusters first = snapshots.of(archive);
      assertThat(first.size()).isEqualTo(1);

      put(archive, "t2");
      nanos.addAndGet(ClusterSnapshots.REUSE_FOR.toNanos());
      assertThat(snapshots.of(archive)).as("within the window").isSameAs(first);

      nanos.incrementAndGet();
      UnknownClusters second = snapshots.of(archive);
      assertThat(second).isNotSameAs(first);
      assertThat(second.size()).as("the track archived since is seen").isEqualTo(2);

      put(archive, "t3");
      snapshots.invalidate();
      assertThat(snapshots.of(archive).size()).as("dropped: rebuilt at once").isEqualTo(3);
    }
  }

  /** An unknown track with a random code of the shipped model (it links to nothing). */
  private void put(LocalTrackArchive archive, String id) {
    byte[] code = new byte[128];
    random.nextBytes(code);
    Instant at = Instant.parse("2026-12-07T10:00:00Z").plusSeconds(id.hashCode() % 1000);
    Moment m = new Moment(1, 1_000, at.toEpochMilli());
    archive.put(
        new ArchivedTrack(
            id,
            "cam",
            "dlib-r29-v1",
            m,
            m,
            at,
            5,
            code,
            List.of(),
            new byte[0],
            Map.of(),
            // Measured as a good face: above the default face quality floors.
            new FaceQuality(100, 0.02, 120)),
        new TrackDecision(
            id,
            null,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            -1,
            List.of(),
            false,
            at,
            false,
            0));
  }
}
