package io.facetrail.evaluation.clusters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores of a clustering of tracks against their true people.
 *
 * <p>Pairwise: over all pairs of tracks, precision is the share of pairs put in one cluster that
 * are one person, recall the share of pairs of one person put in one cluster. BCubed (Bagga and
 * Baldwin): per track, precision is the share of its cluster that is its person, recall the share
 * of its person's tracks in its cluster; both averaged over tracks. A track left out of every
 * cluster counts as a cluster of its own, which is what a user of the clusters sees of it.
 *
 * @param tracks tracks scored
 * @param identities distinct true labels among them
 * @param clusters clusters holding at least one track (unclustered tracks not counted)
 * @param singletonClusters clusters of exactly one track
 * @param clustered tracks put in a cluster
 * @param impureClusters clusters holding tracks of more than one person (what a wrong link does)
 * @param splitIdentities people whose tracks are in more than one cluster (unclustered tracks
 *     counting as clusters of their own), of the people with two tracks or more
 * @param largestCluster tracks in the largest cluster (chaining grows one cluster over many people)
 * @param impureMakeup per impure cluster, its tracks per person, most first (e.g. [3, 3, 2]: three
 *     people's tracks chained together), largest clusters first
 */
public record ClusterScores(
    int tracks,
    int identities,
    int clusters,
    int singletonClusters,
    int clustered,
    int impureClusters,
    int splitIdentities,
    int largestCluster,
    List<List<Integer>> impureMakeup,
    double pairwisePrecision,
    double pairwiseRecall,
    double bcubedPrecision,
    double bcubedRecall) {

  /**
   * Scores {@code clusterOf} against {@code truthOf}.
   *
   * @param truthOf true label per track id: every track scored
   * @param clusterOf cluster id per track id; a track missing here is in no cluster
   */
  public static ClusterScores of(Map<String, String> truthOf, Map<String, String> clusterOf) {
    if (truthOf.isEmpty()) {
      throw new IllegalArgumentException("no tracks to score");
    }
    // Unclustered tracks become clusters of their own under a key no cluster id can take.
    Map<String, String> cluster = new HashMap<>();
    int clustered = 0;
    for (String track : truthOf.keySet()) {
      String c = clusterOf.get(track);
      if (c != null) {
        clustered++;
        cluster.put(track, "c:" + c);
      } else {
        cluster.put(track, "t:" + track);
      }
    }
    Map<String, Integer> clusterSize = counts(cluster);
    Map<String, Integer> truthSize = counts(truthOf);
    Map<List<String>, Integer> both = new HashMap<>();
    for (String track : truthOf.keySet()) {
      both.merge(List.of(cluster.get(track), truthOf.get(track)), 1, Integer::sum);
    }
    double bp = 0;
    double br = 0;
    for (String track : truthOf.keySet()) {
      int inBoth = both.get(List.of(cluster.get(track), truthOf.get(track)));
      bp += (double) inBoth / clusterSize.get(cluster.get(track));
      br += (double) inBoth / truthSize.get(truthOf.get(track));
    }
    long samePairs = pairs(both);
    long clusterPairs = pairs(clusterSize);
    long truthPairs = pairs(truthSize);
    int n = truthOf.size();
    int clusters = 0;
    int singletons = 0;
    int largest = 0;
    for (Map.Entry<String, Integer> e : clusterSize.entrySet()) {
      if (e.getKey().startsWith("c:")) {
        clusters++;
        largest = Math.max(largest, e.getValue());
        if (e.getValue() == 1) {
          singletons++;
        }
      }
    }
    // Cells of (cluster, person) with tracks: a cluster in several is impure, a person in several
    // is split.
    Map<String, Integer> peoplePerCluster = new HashMap<>();
    Map<String, Integer> clustersPerPerson = new HashMap<>();
    for (List<String> cell : both.keySet()) {
      peoplePerCluster.merge(cell.get(0), 1, Integer::sum);
      clustersPerPerson.merge(cell.get(1), 1, Integer::sum);
    }
    int impure = 0;
    Map<String, List<Integer>> makeup = new HashMap<>();
    for (Map.Entry<String, Integer> e : peoplePerCluster.entrySet()) {
      if (e.getKey().startsWith("c:") && e.getValue() > 1) {
        impure++;
        makeup.put(e.getKey(), new ArrayList<>());
      }
    }
    for (Map.Entry<List<String>, Integer> cell : both.entrySet()) {
      List<Integer> people = makeup.get(cell.getKey().get(0));
      if (people != null) {
        people.add(cell.getValue());
      }
    }
    List<List<Integer>> impureMakeup = new ArrayList<>();
    for (List<Integer> people : makeup.values()) {
      people.sort(Comparator.reverseOrder());
      impureMakeup.add(List.copyOf(people));
    }
    impureMakeup.sort(
        Comparator.comparingInt((List<Integer> m) -> m.stream().mapToInt(i -> i).sum())
            .reversed()
            .thenComparing(Object::toString));
    int split = 0;
    for (int c : clustersPerPerson.values()) {
      if (c > 1) {
        split++;
      }
    }
    return new ClusterScores(
        n,
        truthSize.size(),
        clusters,
        singletons,
        clustered,
        impure,
        split,
        largest,
        impureMakeup,
        // No pair claimed: nothing wrongly joined; no pair to find: nothing missed.
        clusterPairs == 0 ? 1 : (double) samePairs / clusterPairs,
        truthPairs == 0 ? 1 : (double) samePairs / truthPairs,
        bp / n,
        br / n);
  }

  private static <K> Map<String, Integer> counts(Map<K, String> labels) {
    Map<String, Integer> out = new HashMap<>();
    for (String label : labels.values()) {
      out.merge(label, 1, Integer::sum);
    }
    return out;
  }

  private static long pairs(Map<?, Integer> sizes) {
    long sum = 0;
    for (int s : sizes.values()) {
      sum += (long) s * (s - 1) / 2;
    }
    return sum;
  }

  public double pairwiseF() {
    return f(pairwisePrecision, pairwiseRecall);
  }

  public double bcubedF() {
    return f(bcubedPrecision, bcubedRecall);
  }

  /** Share of the tracks put in a cluster. */
  public double clusteredShare() {
    return (double) clustered / tracks;
  }

  private static double f(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** The scores as JSON members (no braces). */
  public String json() {
    return String.format(
        Locale.ROOT,
        "\"tracks\":%d,\"identities\":%d,\"clusters\":%d,\"singleton_clusters\":%d,"
            + "\"clustered_share\":%.4f,\"impure_clusters\":%d,\"split_identities\":%d,"
            + "\"largest_cluster\":%d,\"impure_makeup\":%s,\"pairwise_precision\":%.4f,\"pairwise_recall\":%.4f,"
            + "\"pairwise_f\":%.4f,\"bcubed_precision\":%.4f,\"bcubed_recall\":%.4f,"
            + "\"bcubed_f\":%.4f",
        tracks,
        identities,
        clusters,
        singletonClusters,
        clusteredShare(),
        impureClusters,
        splitIdentities,
        largestCluster,
        impureMakeup.toString().replace(" ", ""),
        pairwisePrecision,
        pairwiseRecall,
        pairwiseF(),
        bcubedPrecision,
        bcubedRecall,
        bcubedF());
  }
}
