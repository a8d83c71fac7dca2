package io.facetrail.matcher.archive;

import io.facetrail.matcher.index.Match;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The identity decision about an archived track: taken live when it ended, then replaced by each
 * re-decision that changed it.
 *
 * @param trackId the track
 * @param personId the person it names, null when unknown
 * @param distance distance to the nearest person (NaN when the gallery held nobody comparable)
 * @param threshold the distance threshold applied (NaN when none)
 * @param falseAcceptRate per-comparison FAR of the threshold (NaN when none)
 * @param fpir FPIR of the threshold (NaN at a fixed FAR or when none)
 * @param gallerySize persons in the gallery at the decision (-1 when none was taken)
 * @param nearest up to two nearest persons, nearest first (names are not kept: they change)
 * @param nearestComplete false once a nearest person was erased (the next re-decision then searches
 *     the whole gallery)
 * @param decidedAt when
 * @param retroactive whether a re-decision took it
 * @param revision re-decisions that changed the track's decision so far
 * @param clusterId for an unknown track, the cluster of unknown faces it was given when it joined
 *     one (kept as given: a cluster's current id is elected by its members, see {@code
 *     io.facetrail.matcher.cluster.UnknownClusters}); null when it joined none or is identified
 */
public record TrackDecision(
    String trackId,
    String personId,
    double distance,
    double threshold,
    double falseAcceptRate,
    double fpir,
    int gallerySize,
    List<Match> nearest,
    boolean nearestComplete,
    Instant decidedAt,
    boolean retroactive,
    int revision,
    String clusterId) {
  /** A decision in no cluster of unknown faces. */
  public TrackDecision(
      String trackId,
      String personId,
      double distance,
      double threshold,
      double falseAcceptRate,
      double fpir,
      int gallerySize,
      List<Match> nearest,
      boolean nearestComplete,
      Instant decidedAt,
      boolean retroactive,
      int revision) {
    this(
        trackId,
        personId,
        distance,
        threshold,
        falseAcceptRate,
        fpir,
        gallerySize,
        nearest,
        nearestComplete,
        decidedAt,
        retroactive,
        revision,
        null);
  }

  public TrackDecision {
    Objects.requireNonNull(trackId, "trackId");
    Objects.requireNonNull(decidedAt, "decidedAt");
    nearest =
        nearest.stream()
            .limit(2)
            .map(m -> new Match(m.personId(), "", m.squaredCodeDistance(), m.modelId()))
            .toList();
  }

  /** This decision about the track stored under {@code id}. */
  public TrackDecision withTrackId(String id) {
    return new TrackDecision(
        id,
        personId,
        distance,
        threshold,
        falseAcceptRate,
        fpir,
        gallerySize,
        nearest,
        nearestComplete,
        decidedAt,
        retroactive,
        revision,
        clusterId);
  }

  /** This decision with the cluster {@code id} given (null: in none). */
  public TrackDecision withClusterId(String id) {
    return new TrackDecision(
        trackId,
        personId,
        distance,
        threshold,
        falseAcceptRate,
        fpir,
        gallerySize,
        nearest,
        nearestComplete,
        decidedAt,
        retroactive,
        revision,
        id);
  }

  /** Whether the track names somebody. */
  public boolean identified() {
    return personId != null;
  }

  /** Whether {@code person} appears in this decision (named or among the nearest). */
  public boolean mentions(String person) {
    return person.equals(personId) || nearest.stream().anyMatch(m -> m.personId().equals(person));
  }

  /** This decision without any trace of {@code person} among the nearest. */
  public TrackDecision without(String person) {
    if (nearest.stream().noneMatch(m -> m.personId().equals(person))) {
      return this;
    }
    return new TrackDecision(
        trackId,
        person.equals(personId) ? null : personId,
        distance,
        threshold,
        falseAcceptRate,
        fpir,
        gallerySize,
        nearest.stream().filter(m -> !m.personId().equals(person)).toList(),
        false,
        decidedAt,
        retroactive,
        revision,
        clusterId);
  }
}
