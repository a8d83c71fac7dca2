package io.facetrail.matcher.cluster;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.matcher.archive.Redecider;
import io.facetrail.matcher.archive.Redecision;
import io.facetrail.matcher.archive.RetroactiveEvents;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.DecisionSettings;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GallerySettings;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.SearchMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * Names a cluster of unknown faces: enrols a person with the aggregate codes of the cluster's best
 * tracks (most good frames, among those above the face quality floor), re-decides every archived
 * track against the gallery with them, stores the changed decisions and returns their retroactive
 * identity events. Shared by {@code facetrail clusters name} and the API's {@code POST
 * /api/v1/clusters/{id}/name}; publishing the events is left to the caller (each has its own
 * producer, or none).
 *
 * <p>Past tracks are named by the decision rule, not by membership: a track of the cluster that the
 * new codes do not match at the configured FPIR stays unknown (single linkage can hold a track that
 * resembles only one neighbour), and a track outside it that they do match is named.
 */
public final class ClusterNaming {
  /** The most tracks whose codes may be enrolled from one cluster. */
  public static final int MAX_FACES = 100;

  private final DecisionSettings decision;
  private final GallerySettings gallery;
  private final Thresholds thresholds;
  private final Clock clock;

  /**
   * @param decision the decision rules past tracks are judged by (as live ones are)
   * @param gallery the gallery's search settings (the index built for the re-decision)
   * @param thresholds the calibration at the decision's rate
   */
  public ClusterNaming(
      DecisionSettings decision, GallerySettings gallery, Thresholds thresholds, Clock clock) {
    this.decision = decision;
    this.gallery = gallery;
    this.thresholds = thresholds;
    this.clock = clock;
  }

  /** No track of the cluster has faces good enough to enrol; nothing was written. */
  public static final class NoGoodFacesException extends RuntimeException {
    NoGoodFacesException(String message) {
      super(message);
    }
  }

  /**
   * What naming did.
   *
   * @param person the person created
   * @param cluster the cluster named, as it was
   * @param enrolledTracks the tracks whose aggregate codes were enrolled, best first
   * @param redecision what re-deciding the archive found (its updates are stored)
   * @param events the retroactive identity event of each changed decision
   * @param clusterTracksIdentified tracks of the cluster that now name the person
   */
  public record Named(
      Person person,
      Cluster cluster,
      List<String> enrolledTracks,
      Redecision redecision,
      List<IdentityEvent> events,
      int clusterTracksIdentified) {
    public Named {
      enrolledTracks = List.copyOf(enrolledTracks);
      events = List.copyOf(events);
    }

    /** Archived tracks outside the cluster (or of it, turned unknown) whose decision changed. */
    public int otherChanges() {
      return redecision.changes().size() - clusterTracksIdentified;
    }
  }

  /**
   * Names {@code cluster} (one of {@code clusters}, loaded from {@code archive}) {@code name}.
   *
   * @param faces how many of its tracks to enrol codes from, 1 to {@link #MAX_FACES}
   * @throws io.facetrail.matcher.gallery.InvalidNameException when the gallery refuses the name
   *     (nothing is written)
   * @throws NoGoodFacesException when none of the cluster's tracks passes the face quality floor of
   *     the clusters' settings (nothing is written)
   * @throws io.facetrail.matcher.archive.ArchiveUnavailableException when the archive fails
   */
  public Named name(
      TrackArchive archive,
      UnknownClusters clusters,
      Cluster cluster,
      String name,
      int faces,
      Gallery g) {
    if (faces < 1 || faces > MAX_FACES) {
      throw new IllegalArgumentException(
          "faces must be between 1 and " + MAX_FACES + ", got " + faces);
    }
    List<ClusterMember> members = clusters.members(cluster.id());
    if (members.isEmpty()) {
      throw new IllegalArgumentException("cluster " + cluster.id() + " is not one of these");
    }
    // Only faces good enough to be compared with other poor faces become the person's codes: a
    // code from a small or blurred face sits near every other such face, whoever they are.
    ClusterSettings floor = clusters.settings();
    List<ClusterMember> best =
        members.stream()
            .filter(m -> floor.goodEnough(m.goodFrames(), m.faceQuality()))
            .sorted(Comparator.comparingInt(ClusterMember::goodFrames).reversed())
            .limit(faces)
            .toList();
    if (best.isEmpty()) {
      throw new NoGoodFacesException(
          "none of the "
              + cluster.size()
              + " tracks of cluster "
              + cluster.id()
              + " has faces good enough to enrol (clusters.minFaceHeightPx, minSharpness):"
              + " enrol the person from photos instead");
    }
    Instant now = clock.instant();
    GalleryIndex index =
        new GalleryIndex(
            thresholds.comparable(),
            ForkJoinPool.commonPool(),
            gallery.fastThreshold(),
            gallery.fastCandidates());
    Person p = g.createPerson(name, Map.of("cluster", cluster.id()));
    List<StoredCode> codes = new ArrayList<>();
    for (ClusterMember m : best) {
      codes.add(
          new StoredCode(
              "cluster-" + cluster.id() + "-" + codes.size(),
              m.modelId(),
              m.aggregate(),
              "cluster " + cluster.id() + ", track " + m.trackId(),
              now));
    }
    g.addCodes(p.id(), codes);
    index.replaceAll(g.snapshot());
    PersonRecord record = g.record(p.id()).orElseThrow();
    Redecision r =
        new Redecider(new DecisionPolicy(decision), thresholds, SearchMode.AUTO)
            .redecide(archive::forEach, index, List.of(record), Set.of(p.id()), now);
    archive.updateDecisions(r.updates());
    List<IdentityEvent> events = new ArrayList<>();
    int identified = 0;
    Set<String> ofCluster = Set.copyOf(cluster.trackIds());
    for (Redecision.Change ch : r.changes()) {
      events.add(RetroactiveEvents.of(ch, index, clock.instant()));
      if (ofCluster.contains(ch.track().trackId()) && ch.after().identified()) {
        identified++;
      }
    }
    return new Named(
        p, cluster, best.stream().map(ClusterMember::trackId).toList(), r, events, identified);
  }
}
