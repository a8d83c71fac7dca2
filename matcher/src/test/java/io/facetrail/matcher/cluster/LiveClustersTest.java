package io.facetrail.matcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.contracts.identity.Moment;
import io.facetrail.matcher.archive.ArchivedTrack;
import io.facetrail.matcher.archive.FaceQuality;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LiveClustersTest {
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  private static ArchivedTrack track(String id, long frame) {
    float[] v = new float[FaceCode.DIMENSIONS];
    v[0] = 1;
    Moment at = new Moment(frame, frame * 100_000, NOW.toEpochMilli());
    // Measured as a large, sharp, well-lit face: above every default floor.
    return new ArchivedTrack(
        id,
        "cam",
        "dlib-r29-v1",
        at,
        at,
        NOW,
        5,
        FaceCode.quantise(v),
        List.of(),
        null,
        Map.of(),
        new FaceQuality(100, 0.02, 120));
  }

  @Test
  void tracksEndingWhileTheClustersAreRebuiltJoinThemOnceTheyAreReady() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    LiveClusters live =
        LiveClusters.loading(
            () -> {
              try {
                release.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return UnknownClusters.shipped(ClusterSettings.defaults());
            },
            Duration.ofDays(90),
            new SimpleMeterRegistry());
    // While the rebuild runs the event gets no cluster id.
    assertThat(live.assign(track("early", 1), NOW)).isEmpty();
    assertThat(live.ready()).isFalse();
    release.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!live.ready() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(live.ready()).isTrue();
    String id = live.assign(track("later", 10), NOW).orElseThrow();
    // The early track was added when the rebuild finished: the same face, one cluster.
    assertThat(live.clusters().orElseThrow().clusterOf("early")).contains(id);
  }
}
