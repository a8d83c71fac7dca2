package io.facetrail.matcher.cluster;

import io.facetrail.contracts.code.FaceCode;
import io.facetrail.matcher.decision.DecisionRate;
import io.facetrail.matcher.decision.NoCalibrationException;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.Match;
import io.facetrail.matcher.index.SearchMode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clusters of unknown tracks, kept in memory and updated one track at a time.
 *
 * <p>Two tracks of one model <em>link</em> when their aggregates are closer than the calibration's
 * threshold for {@link ClusterSettings#linkFpir()} against all clustered tracks of the model (so a
 * newcomer links to somebody else's track with about that chance however many tracks are held); a
 * cluster is a connected group of linked tracks (single linkage), except that two tracks one stream
 * saw at the same time never share a cluster: a track links into the clusters of its nearest
 * neighbours in turn while none holds a track seen with one already joined. Adding a track that
 * links to two clusters merges them; removing a track (retention, erasure, a re-decision naming it)
 * splits its cluster when it was the only bridge. The grouping does not depend on the order tracks
 * came in except through the thresholds (which follow the number of tracks held) and the nearest
 * {@link ClusterSettings#neighbours()} examined.
 *
 * <p><b>Ids.</b> Each track keeps the id it was given when it joined ({@link
 * ClusterMember#givenClusterId()}, stored with its decision). A cluster's current id is elected
 * from its members' given ids: the id held by most of them (ties: the one of the oldest holder)
 * that no other cluster holds; failing that, an id derived from its oldest track. So a cluster
 * keeps its id as tracks join and expire, a merge keeps the id of the larger side, and an index
 * rebuilt from the archive in archiving order elects the ids the live one did, without any write
 * besides each track's own.
 */
public final class UnknownClusters {
  private static final Logger log = LoggerFactory.getLogger(UnknownClusters.class);
  private static final Instant EPOCH = Instant.EPOCH;
  private static final Comparator<Node> AGE =
      Comparator.<Node, Instant>comparing(n -> n.member.archivedAt())
          .thenComparing(n -> n.member.trackId());

  private final ClusterSettings settings;
  private final Thresholds thresholds;
  private final GalleryIndex index;
  private final Map<String, Node> nodes = new HashMap<>();
  private final Map<String, Group> groups = new HashMap<>();
  private final Map<String, Integer> perModel = new HashMap<>();
  private final TreeSet<Node> byAge = new TreeSet<>(AGE);
  private final Set<String> uncalibrated = new HashSet<>();
  private long refusedMerges;
  private long refusedJoins;

  private static final class Node {
    ClusterMember member;
    final byte[] code;
    final Set<Node> links = new HashSet<>();
    Group group;

    Node(ClusterMember member) {
      this.member = member;
      this.code = member.aggregate();
    }
  }

  private static final class Group {
    String id;
    final Set<Node> nodes = new LinkedHashSet<>();
  }

  /**
   * @param settings how to cluster
   * @param calibration the calibration tables (any {@link Thresholds}: its tables and model pairs
   *     are used at the rate {@link ClusterSettings#linkFpir()})
   */
  public UnknownClusters(ClusterSettings settings, Thresholds calibration) {
    this.settings = settings;
    this.thresholds = calibration.withRate(DecisionRate.ofFpir(settings.linkFpir()));
    this.index =
        new GalleryIndex(thresholds.comparable(), ForkJoinPool.commonPool(), 50_000, 10_000);
  }

  /** Clusters with the calibration tables shipped with the face library. */
  public static UnknownClusters shipped(ClusterSettings settings) {
    return new UnknownClusters(settings, Thresholds.shipped(1e-3));
  }

  public ClusterSettings settings() {
    return settings;
  }

  /**
   * Adds an unknown track (replacing one of the same id).
   *
   * @return the id of the cluster it is in now; empty when it is not clustered (clustering off,
   *     below the quality floors, or a model without calibration)
   */
  public synchronized Optional<String> add(ClusterMember m) {
    if (!settings.enabled() || !settings.goodEnough(m.goodFrames(), m.faceQuality())) {
      return Optional.empty();
    }
    if (nodes.containsKey(m.trackId())) {
      remove(m.trackId());
    }
    double threshold;
    try {
      threshold =
          thresholds
              .at(m.modelId(), m.modelId(), perModel.getOrDefault(m.modelId(), 0), m.goodFrames())
              .distance();
    } catch (NoCalibrationException e) {
      if (uncalibrated.add(m.modelId())) {
        log.warn("Unknown tracks of model {} are not clustered: {}", m.modelId(), e.getMessage());
      }
      return Optional.empty();
    }
    Node n = new Node(m);
    byte[] code = n.code;
    // Links to the nearest tracks within the threshold, nearest first, then the clusters they
    // would join, taken while none holds a track seen together with one already taken (two tracks
    // one camera saw at once are two people: this stops the chaining that similar-looking poor
    // faces otherwise cause). Links into a refused cluster are not kept.
    Map<Group, List<Node>> linksByGroup = new java.util.LinkedHashMap<>();
    for (Match near : index.search(code, m.modelId(), settings.neighbours(), SearchMode.AUTO)) {
      Node other = nodes.get(near.personId());
      if (other != null
          && near.modelId().equals(m.modelId())
          && near.distance() <= threshold
          && !other.member.seenWith(m)) {
        linksByGroup.computeIfAbsent(other.group, x -> new ArrayList<>()).add(other);
      }
    }
    // With a join share, a newcomer joins a cluster only when it links to that share of its
    // tracks, and merges two clusters only when that share of their cross pairs link too: one
    // close pair between two people no longer joins everything both were linked to.
    List<Node> taken = new ArrayList<>(List.of(n));
    Set<Group> touched = new LinkedHashSet<>();
    for (Map.Entry<Group, List<Node>> e : linksByGroup.entrySet()) {
      Group candidate = e.getKey();
      if (conflict(candidate.nodes, taken)) {
        refusedMerges++;
        continue;
      }
      if (settings.joinShare() > 0) {
        if (share(n, candidate.nodes, threshold) < settings.joinShare()) {
          refusedJoins++;
          continue;
        }
        if (!touched.isEmpty()
            && crossShare(candidate.nodes, taken.subList(1, taken.size()), threshold)
                < settings.joinShare()) {
          refusedMerges++;
          continue;
        }
      }
      touched.add(candidate);
      taken.addAll(candidate.nodes);
      for (Node other : e.getValue()) {
        n.links.add(other);
        other.links.add(n);
      }
    }
    index.upsert(
        new PersonRecord(
            new Person(m.trackId(), "", Map.of(), EPOCH, EPOCH),
            List.of(new StoredCode("0", m.modelId(), code, "", EPOCH))));
    nodes.put(m.trackId(), n);
    perModel.merge(m.modelId(), 1, Integer::sum);
    byAge.add(n);

    Group g =
        touched.stream()
            .max(Comparator.<Group>comparingInt(x -> x.nodes.size()))
            .orElseGet(Group::new);
    for (Group t : touched) {
      groups.remove(t.id);
      if (t != g) {
        for (Node o : t.nodes) {
          o.group = g;
          g.nodes.add(o);
        }
      }
    }
    g.nodes.add(n);
    n.group = g;
    elect(g);
    if (m.givenClusterId() == null) {
      // A newcomer is given the id it joined under: what the archive stores with its decision, so
      // an index rebuilt from the archive counts it as the live one does.
      n.member = m.withGivenClusterId(g.id);
    }
    return Optional.of(g.id);
  }

  /** Removes a track (no longer unknown, erased or expired); its cluster may split. */
  public synchronized void remove(String trackId) {
    Node n = nodes.remove(trackId);
    if (n == null) {
      return;
    }
    index.remove(trackId);
    perModel.merge(n.member.modelId(), -1, Integer::sum);
    byAge.remove(n);
    for (Node o : n.links) {
      o.links.remove(n);
    }
    Group g = n.group;
    g.nodes.remove(n);
    groups.remove(g.id);
    if (g.nodes.isEmpty()) {
      return;
    }
    List<Group> parts = new ArrayList<>();
    Set<Node> seen = new HashSet<>();
    for (Node start : g.nodes) {
      if (seen.add(start)) {
        Group part = new Group();
        Deque<Node> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
          Node x = todo.pop();
          part.nodes.add(x);
          x.group = part;
          for (Node y : x.links) {
            if (seen.add(y)) {
              todo.push(y);
            }
          }
        }
        parts.add(part);
      }
    }
    // The larger part elects first, so it keeps the id when its members hold it.
    parts.sort(
        Comparator.<Group>comparingInt(p -> -p.nodes.size())
            .thenComparing(p -> oldest(p).member.archivedAt()));
    for (Group p : parts) {
      elect(p);
    }
  }

  /**
   * Removes the tracks archived before {@code cutoff} (the archive's retention).
   *
   * @return how many
   */
  public synchronized int removeArchivedBefore(Instant cutoff) {
    int removed = 0;
    while (!byAge.isEmpty() && byAge.first().member.archivedAt().isBefore(cutoff)) {
      remove(byAge.first().member.trackId());
      removed++;
    }
    return removed;
  }

  /** The id of the cluster the track is in. */
  public synchronized Optional<String> clusterOf(String trackId) {
    Node n = nodes.get(trackId);
    return n == null ? Optional.empty() : Optional.of(n.group.id);
  }

  /**
   * The cluster of this id; an id that is no longer current (its cluster merged into another) finds
   * the cluster its holders are in now, when they agree on one.
   */
  public synchronized Optional<Cluster> cluster(String id) {
    Group g = groups.get(id);
    if (g == null) {
      Set<Group> holders = new HashSet<>();
      for (Node n : nodes.values()) {
        if (id.equals(n.member.givenClusterId())) {
          holders.add(n.group);
        }
      }
      g = holders.size() == 1 ? holders.iterator().next() : null;
    }
    return Optional.ofNullable(g).map(UnknownClusters::view);
  }

  /** The members of a cluster, oldest first (empty when there is no such cluster). */
  public synchronized List<ClusterMember> members(String id) {
    Group g = groups.get(id);
    if (g == null) {
      return List.of();
    }
    return g.nodes.stream().sorted(AGE).map(n -> n.member).toList();
  }

  /** Every cluster, largest first (then oldest first). */
  public synchronized List<Cluster> clusters() {
    return groups.values().stream()
        .map(UnknownClusters::view)
        .sorted(
            Comparator.comparingInt(Cluster::size)
                .reversed()
                .thenComparing(Cluster::firstArchived)
                .thenComparing(Cluster::id))
        .toList();
  }

  /** Tracks clustered. */
  public synchronized int size() {
    return nodes.size();
  }

  /** Clusters. */
  public synchronized int clusterCount() {
    return groups.size();
  }

  private void elect(Group g) {
    Map<String, Integer> votes = new HashMap<>();
    Map<String, Node> oldestHolder = new HashMap<>();
    for (Node n : g.nodes) {
      String given = n.member.givenClusterId();
      if (ClusterIds.wellFormed(given)) {
        votes.merge(given, 1, Integer::sum);
        oldestHolder.merge(given, n, (a, b) -> AGE.compare(a, b) <= 0 ? a : b);
      }
    }
    List<String> candidates = new ArrayList<>(votes.keySet());
    candidates.sort(
        Comparator.<String>comparingInt(id -> -votes.get(id))
            .thenComparing(oldestHolder::get, AGE)
            .thenComparing(id -> id));
    for (String id : candidates) {
      if (!groups.containsKey(id)) {
        take(g, id);
        return;
      }
    }
    String founder = oldest(g).member.trackId();
    for (int attempt = 0; ; attempt++) {
      String id = ClusterIds.derived(founder, attempt);
      if (!groups.containsKey(id)) {
        take(g, id);
        return;
      }
    }
  }

  /** Tracks of a cluster compared with a newcomer, or per side of a merge (bounds the cost). */
  private static final int SHARE_SAMPLE = 64;

  /** The share of (at most {@link #SHARE_SAMPLE} of) {@code group}'s tracks {@code n} links to. */
  private static double share(Node n, Set<Node> group, double threshold) {
    int linked = 0;
    int seen = 0;
    for (Node g : group) {
      if (seen == SHARE_SAMPLE) {
        break;
      }
      seen++;
      if (FaceCode.distance(n.code, g.code) <= threshold) {
        linked++;
      }
    }
    return seen == 0 ? 0 : (double) linked / seen;
  }

  /** The share of cross pairs (at most {@link #SHARE_SAMPLE} tracks a side) that link. */
  private static double crossShare(Set<Node> a, List<Node> b, double threshold) {
    int linked = 0;
    int pairs = 0;
    int i = 0;
    for (Node x : a) {
      if (i++ == SHARE_SAMPLE) {
        break;
      }
      for (Node y : b.subList(0, Math.min(b.size(), SHARE_SAMPLE))) {
        pairs++;
        if (FaceCode.distance(x.code, y.code) <= threshold) {
          linked++;
        }
      }
    }
    return pairs == 0 ? 0 : (double) linked / pairs;
  }

  /** Joins refused because the newcomer linked to too small a share of a cluster's tracks. */
  public synchronized long refusedJoins() {
    return refusedJoins;
  }

  /** Whether a track of {@code group} was seen together with one of {@code others}. */
  private static boolean conflict(Set<Node> group, List<Node> others) {
    for (Node a : group) {
      for (Node b : others) {
        if (a.member.seenWith(b.member)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Merges refused because the clusters held tracks one stream saw at the same time. */
  public synchronized long refusedMerges() {
    return refusedMerges;
  }

  private void take(Group g, String id) {
    g.id = id;
    groups.put(id, g);
  }

  private static Node oldest(Group g) {
    return g.nodes.stream().min(AGE).orElseThrow();
  }

  private static Cluster view(Group g) {
    List<Node> sorted = g.nodes.stream().sorted(AGE).toList();
    Set<String> streams = new LinkedHashSet<>();
    int frames = 0;
    for (Node n : sorted) {
      streams.add(n.member.streamId());
      frames += n.member.goodFrames();
    }
    return new Cluster(
        g.id,
        sorted.stream().map(n -> n.member.trackId()).toList(),
        streams,
        sorted.get(0).member.archivedAt(),
        sorted.get(sorted.size() - 1).member.archivedAt(),
        frames);
  }
}
