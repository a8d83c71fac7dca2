package io.facetrail.matcher.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.matcher.archive.FaceQuality;
import io.facetrail.matcher.decision.DecisionRate;
import io.facetrail.matcher.decision.Thresholds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnknownClustersTest {
  private static final String MODEL = "dlib-r29-v1";
  private static final ClusterSettings SETTINGS = new ClusterSettings(true, 1e-3, 2, 32);

  private final List<ClusterMember> added = new ArrayList<>();
  private int seconds;

  /** The link threshold at the most and at the fewest tracks these tests hold. */
  private static double threshold(int tracks) {
    return Thresholds.shipped(1e-3)
        .withRate(DecisionRate.ofFpir(SETTINGS.linkFpir()))
        .at(MODEL, MODEL, tracks, 5)
        .distance();
  }

  /**
   * A unit vector at angle {@code theta} in the plane of Hadamard rows {@code a} and {@code b}:
   * orthogonal directions spread over every dimension, so no component exceeds what a code holds (a
   * code clips components beyond +-0.5).
   */
  private static byte[] code(int a, int b, double theta) {
    float[] v = new float[FaceCode.DIMENSIONS];
    double unit = 1 / Math.sqrt(FaceCode.DIMENSIONS);
    for (int i = 0; i < v.length; i++) {
      double ha = (Integer.bitCount(a & i) % 2 == 0 ? 1 : -1) * unit;
      double hb = (Integer.bitCount(b & i) % 2 == 0 ? 1 : -1) * unit;
      v[i] = (float) (Math.cos(theta) * ha + Math.sin(theta) * hb);
    }
    return FaceCode.quantise(v);
  }

  /** The angle between two points whose chord is {@code distance}. */
  private static double angle(double distance) {
    return 2 * Math.asin(distance / 2);
  }

  private ClusterMember member(String id, byte[] code, int goodFrames) {
    // Each track its own moment of one stream: none was seen with another.
    int at = seconds++;
    return new ClusterMember(
        id, "cam", MODEL, code, goodFrames, Instant.EPOCH.plusSeconds(at), null, at, at);
  }

  private String add(UnknownClusters c, ClusterMember m) {
    String id = c.add(m).orElseThrow();
    // What the archive keeps: the member with the id it was given.
    added.add(m.givenClusterId() == null ? m.withGivenClusterId(id) : m);
    return id;
  }

  @Test
  void tracksOfOnePersonShareACluster() {
    UnknownClusters c = UnknownClusters.shipped(SETTINGS);
    double step = angle(threshold(10) * 0.5);
    String a = add(c, member("a1", code(0, 1, 0), 5));
    assertThat(add(c, member("a2", code(0, 1, step), 5))).isEqualTo(a);
    String b = add(c, member("b1", code(2, 3, 0), 5));
    assertThat(b).isNotEqualTo(a);
    assertThat(add(c, member("a3", code(0, 1, -step), 5))).isEqualTo(a);
    assertThat(add(c, member("b2", code(2, 3, step), 5))).isEqualTo(b);
    assertThat(c.clusters()).hasSize(2);
    assertThat(c.clusters().get(0).trackIds()).containsExactly("a1", "a2", "a3");
    assertThat(c.cluster(b).orElseThrow().trackIds()).containsExactly("b1", "b2");
    assertThat(a).matches("c[0-9a-f]{12}");
  }

  private static FaceQuality q(double height, double sharpness, double brightness) {
    return new FaceQuality(height, sharpness, brightness);
  }

  @Test
  void tracksBelowTheQualityFloorsAreNotClustered() {
    UnknownClusters c = UnknownClusters.shipped(SETTINGS);
    assertThat(c.add(member("weak", code(0, 1, 0), 1))).isEmpty();
    assertThat(c.size()).isZero();

    UnknownClusters floored =
        UnknownClusters.shipped(new ClusterSettings(true, 1e-3, 0, 2, 32, 60, 0.3, 35));
    Instant t = Instant.EPOCH;
    byte[] face = code(0, 1, 0);
    assertThat(
            floored.add(
                new ClusterMember("small", "cam", MODEL, face, 5, t, null, 1, 2, q(40, 0.5, 100))))
        .isEmpty();
    assertThat(
            floored.add(
                new ClusterMember(
                    "blurred", "cam", MODEL, face, 5, t, null, 3, 4, q(80, 0.1, 100))))
        .isEmpty();
    assertThat(floored.add(new ClusterMember("unmeasured", "cam", MODEL, face, 5, t, null, 5, 6)))
        .isEmpty();
    assertThat(
            floored.add(
                new ClusterMember("dark", "cam", MODEL, face, 5, t, null, 9, 9, q(80, 0.5, 20))))
        .isEmpty();
    assertThat(
            floored.add(
                new ClusterMember("good", "cam", MODEL, face, 5, t, null, 7, 8, q(80, 0.5, 100))))
        .isPresent();
    assertThat(floored.size()).isEqualTo(1);
  }

  @Test
  void aBridgeMergesIntoTheLargerAndItsRemovalSplitsAgain() {
    UnknownClusters c = UnknownClusters.shipped(SETTINGS);
    // Two groups whose nearest members are 1.6 thresholds apart, and a bridge within 0.8 of both.
    double t = threshold(1);
    double near = angle(threshold(10) * 0.4);
    double gap = angle(Math.max(t, threshold(10)) * 1.6);
    String big = add(c, member("big1", code(0, 1, 0), 5));
    add(c, member("big2", code(0, 1, -near), 5));
    add(c, member("big3", code(0, 1, -2 * near), 5));
    String small = add(c, member("small1", code(0, 1, gap), 5));
    add(c, member("small2", code(0, 1, gap + near), 5));
    assertThat(small).isNotEqualTo(big);
    assertThat(c.clusters()).hasSize(2);

    String merged = add(c, member("bridge", code(0, 1, gap / 2), 5));
    assertThat(merged).isEqualTo(big);
    assertThat(c.clusters()).hasSize(1);
    assertThat(c.clusterOf("small2")).contains(big);
    // The absorbed id still finds the cluster its tracks are in.
    assertThat(c.cluster(small).orElseThrow().id()).isEqualTo(big);

    c.remove("bridge");
    assertThat(c.clusters()).hasSize(2);
    assertThat(c.clusterOf("big1")).contains(big);
    assertThat(c.clusterOf("small1")).contains(small);
  }

  @Test
  void withAJoinShareOneClosePairNoLongerChainsTwoClusters() {
    double t = Math.min(threshold(1), threshold(10));
    double step = angle(t * 0.45);
    double gap = angle(Math.max(threshold(1), threshold(10)) * 1.3);
    for (double share : new double[] {0, 0.5}) {
      UnknownClusters c = UnknownClusters.shipped(SETTINGS.withJoinShare(share));
      // Two people of three tracks each, in a row; a newcomer between them is near one track of
      // each and far from the rest.
      for (int i = 0; i < 3; i++) {
        add(c, member("a" + i, code(0, 1, -i * step), 5));
        add(c, member("b" + i, code(0, 1, gap + i * step), 5));
      }
      assertThat(c.clusterCount()).isEqualTo(2);
      String between = add(c, member("between", code(0, 1, gap / 2), 5));
      if (share == 0) {
        assertThat(c.clusterCount()).as("single linkage chains them").isEqualTo(1);
      } else {
        assertThat(c.clusterCount()).isEqualTo(3);
        assertThat(c.clusterOf("a0")).isNotEqualTo(c.clusterOf("b0"));
        assertThat(c.cluster(between).orElseThrow().trackIds()).containsExactly("between");
        assertThat(c.refusedJoins()).isEqualTo(2);
      }
    }
  }

  @Test
  void anIndexRebuiltInArchivingOrderElectsTheSameIds() {
    UnknownClusters live = UnknownClusters.shipped(SETTINGS);
    Random r = new Random(3);
    double step = angle(threshold(60) * 0.45);
    Map<String, Integer> personOf = new HashMap<>();
    for (int i = 0; i < 60; i++) {
      int person = r.nextInt(12);
      personOf.put("t" + i, person);
      double theta = (r.nextInt(5) - 2) * step;
      add(live, member("t" + i, code(2 * person, 2 * person + 1, theta), 3 + r.nextInt(5)));
    }
    live.remove("t7");
    added.removeIf(m -> m.trackId().equals("t7"));

    UnknownClusters rebuilt = UnknownClusters.shipped(SETTINGS);
    added.forEach(rebuilt::add);
    Map<String, String> before = new HashMap<>();
    Map<String, String> after = new HashMap<>();
    for (ClusterMember m : added) {
      before.put(m.trackId(), live.clusterOf(m.trackId()).orElseThrow());
      after.put(m.trackId(), rebuilt.clusterOf(m.trackId()).orElseThrow());
    }
    assertThat(after).isEqualTo(before);
    assertThat(rebuilt.clusterCount()).isEqualTo(live.clusterCount());
    // No cluster holds two people (their planes are orthogonal: 1.41 apart).
    for (Cluster cl : live.clusters()) {
      assertThat(cl.trackIds().stream().map(personOf::get).distinct()).hasSize(1);
    }
  }

  @Test
  void tracksSeenTogetherNeverShareAClusterHoweverAlikeTheirCodes() {
    UnknownClusters c = UnknownClusters.shipped(SETTINGS);
    Instant t = Instant.EPOCH;
    byte[] same = code(0, 1, 0);
    String a = c.add(new ClusterMember("a", "cam", MODEL, same, 5, t, null, 10, 20)).orElseThrow();
    String b = c.add(new ClusterMember("b", "cam", MODEL, same, 5, t, null, 15, 30)).orElseThrow();
    assertThat(b).isNotEqualTo(a);
    // A later track like both joins one (the nearest first) and does not bridge them.
    String later =
        c.add(new ClusterMember("later", "cam", MODEL, same, 5, t, null, 40, 50)).orElseThrow();
    assertThat(later).isIn(a, b);
    assertThat(c.clusterCount()).isEqualTo(2);
    assertThat(c.refusedMerges()).isEqualTo(1);
    // Another camera at the same frame numbers is no conflict.
    assertThat(c.add(new ClusterMember("other-cam", "cam-2", MODEL, same, 5, t, null, 15, 20)))
        .contains(later);
  }

  @Test
  void expiredTracksLeaveTheirClusters() {
    UnknownClusters c = UnknownClusters.shipped(SETTINGS);
    double step = angle(threshold(10) * 0.5);
    String a = add(c, member("old", code(0, 1, 0), 5));
    add(c, member("newer", code(0, 1, step), 5));
    add(c, member("newest", code(0, 1, 2 * step), 5));
    assertThat(c.removeArchivedBefore(Instant.EPOCH.plusSeconds(1))).isEqualTo(1);
    // The remaining tracks were given the cluster's id: it stays.
    assertThat(c.clusterOf("newer")).contains(a);
    assertThat(c.clusterOf("old")).isEmpty();
  }
}
