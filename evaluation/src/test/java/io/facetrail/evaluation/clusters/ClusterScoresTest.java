package io.facetrail.evaluation.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterScoresTest {
  private static final double EPS = 1e-9;

  @Test
  void scoresASplitAndAMergeByHand() {
    // Person A has t1..t3, B has t4, t5; the clustering cuts A and joins t3 with B.
    Map<String, String> truth = Map.of("t1", "A", "t2", "A", "t3", "A", "t4", "B", "t5", "B");
    Map<String, String> clusters = Map.of("t1", "x", "t2", "x", "t3", "y", "t4", "y", "t5", "y");
    ClusterScores s = ClusterScores.of(truth, clusters);
    // BCubed precision per track: 1, 1, 1/3, 2/3, 2/3; recall: 2/3, 2/3, 1/3, 1, 1.
    assertThat(s.bcubedPrecision()).isCloseTo(11.0 / 15, within(EPS));
    assertThat(s.bcubedRecall()).isCloseTo(11.0 / 15, within(EPS));
    assertThat(s.bcubedF()).isCloseTo(11.0 / 15, within(EPS));
    // Pairs in one cluster: (t1,t2), (t3,t4), (t3,t5), (t4,t5): 2 of 4 right; pairs of one
    // person: (t1,t2), (t1,t3), (t2,t3), (t4,t5): 2 of 4 found.
    assertThat(s.pairwisePrecision()).isCloseTo(0.5, within(EPS));
    assertThat(s.pairwiseRecall()).isCloseTo(0.5, within(EPS));
    assertThat(s.tracks()).isEqualTo(5);
    assertThat(s.identities()).isEqualTo(2);
    assertThat(s.clusters()).isEqualTo(2);
    assertThat(s.singletonClusters()).isZero();
    assertThat(s.clusteredShare()).isEqualTo(1.0);
    assertThat(s.impureClusters()).as("y holds A and B").isEqualTo(1);
    assertThat(s.splitIdentities()).as("A is in x and y").isEqualTo(1);
    assertThat(s.largestCluster()).isEqualTo(3);
    assertThat(s.impureMakeup()).as("y: two of B, one of A").containsExactly(List.of(2, 1));
    assertThat(s.json()).contains("\"impure_makeup\":[[2,1]]");
  }

  @Test
  void oneClusterForEverybodyHasFullRecallAndPoorPrecision() {
    Map<String, String> truth = Map.of("t1", "A", "t2", "A", "t3", "B");
    ClusterScores s = ClusterScores.of(truth, Map.of("t1", "x", "t2", "x", "t3", "x"));
    assertThat(s.bcubedPrecision()).isCloseTo((2.0 / 3 + 2.0 / 3 + 1.0 / 3) / 3, within(EPS));
    assertThat(s.bcubedRecall()).isCloseTo(1.0, within(EPS));
    assertThat(s.pairwisePrecision()).isCloseTo(1.0 / 3, within(EPS));
    assertThat(s.pairwiseRecall()).isCloseTo(1.0, within(EPS));
    assertThat(s.pairwiseF()).isCloseTo(0.5, within(EPS));
  }

  @Test
  void anUnclusteredTrackStandsAloneAndIsCountedAsLeftOut() {
    // t2 was not eligible: it is its own cluster, under a key no cluster id can collide with.
    Map<String, String> truth = Map.of("t1", "A", "t2", "A", "t3", "B");
    ClusterScores s = ClusterScores.of(truth, Map.of("t1", "t2", "t3", "t3"));
    assertThat(s.bcubedPrecision()).isCloseTo(1.0, within(EPS));
    assertThat(s.bcubedRecall()).isCloseTo((0.5 + 0.5 + 1) / 3, within(EPS));
    assertThat(s.pairwisePrecision()).as("no pair claimed").isCloseTo(1.0, within(EPS));
    assertThat(s.pairwiseRecall()).isCloseTo(0.0, within(EPS));
    assertThat(s.clusters()).isEqualTo(2);
    assertThat(s.singletonClusters()).isEqualTo(2);
    assertThat(s.clustered()).isEqualTo(2);
    assertThat(s.clusteredShare()).isCloseTo(2.0 / 3, within(EPS));
    assertThat(s.impureClusters()).isZero();
    assertThat(s.splitIdentities()).isEqualTo(1);
    assertThat(s.largestCluster()).isEqualTo(1);
  }

  @Test
  void aPerfectClusteringScoresOne() {
    Map<String, String> truth = Map.of("t1", "A", "t2", "A", "t3", "B", "t4", "none:t4");
    ClusterScores s = ClusterScores.of(truth, Map.of("t1", "x", "t2", "x", "t3", "y", "t4", "z"));
    assertThat(s.bcubedF()).isCloseTo(1.0, within(EPS));
    assertThat(s.pairwiseF()).isCloseTo(1.0, within(EPS));
    assertThat(s.identities()).isEqualTo(3);
    assertThat(s.json()).contains("\"bcubed_f\":1.0000", "\"clusters\":3");
  }
}
