package io.facetrail.matcher.archive;

import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.NoCalibrationException;
import io.facetrail.matcher.decision.Threshold;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.decision.Verdict;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.Match;
import io.facetrail.matcher.index.SearchMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Re-decides archived tracks from their stored aggregate after the gallery changed, without the
 * video. Each stored decision keeps the two nearest persons of the gallery it was taken against, so
 * after a change of a few persons a track is compared with those persons only and the result merged
 * with the nearest it had (exact: the other persons' codes did not move); a track whose named or
 * nearest person changed, or lost a nearest person to erasure, is searched against the whole
 * gallery. The threshold is the one of the gallery's size now, so a change of size alone can turn a
 * decision too. Judged as a live track's final decision ({@link DecisionPolicy#judge}), without the
 * hysteresis that guards a live track against a single odd frame: the aggregate is final. Tracks
 * are decided in batches on the common pool's threads and the caller's.
 */
public final class Redecider {
  private static final int BATCH = 4_096;

  private final DecisionPolicy policy;
  private final Thresholds thresholds;
  private final SearchMode mode;

  public Redecider(DecisionPolicy policy, Thresholds thresholds, SearchMode mode) {
    this.policy = policy;
    this.thresholds = thresholds;
    this.mode = mode;
  }

  /**
   * Re-decides every track {@code tracks} offers against {@code gallery} (current).
   *
   * @param tracks calls its visitor with each archived track and its decision
   * @param changed persons changed since the decisions were taken, with their records now (erased
   *     persons are absent); null when unknown (everything is searched)
   * @param changedIds the ids of every changed person, erased ones included; ignored when {@code
   *     changed} is null
   */
  public Redecision redecide(
      Consumer<BiConsumer<ArchivedTrack, TrackDecision>> tracks,
      GalleryIndex gallery,
      Collection<PersonRecord> changed,
      Set<String> changedIds,
      Instant now) {
    GalleryIndex changedIndex = null;
    if (changed != null) {
      changedIndex =
          new GalleryIndex(
              thresholds.comparable(), ForkJoinPool.commonPool(), Integer.MAX_VALUE, 10);
      changedIndex.replaceAll(changed);
    }
    GalleryIndex only = changedIndex;
    Set<String> ids = changed == null ? Set.of() : new HashSet<>(changedIds);
    int persons = gallery.personCount();
    Batch batch = new Batch(gallery, only, ids, persons, now);
    tracks.accept(
        (t, d) -> {
          batch.tracks.add(t);
          batch.decisions.add(d);
          if (batch.tracks.size() == BATCH) {
            batch.run();
          }
        });
    batch.run();
    return new Redecision(
        batch.changes, batch.updates, batch.examined, batch.searchedFully, batch.undecidable);
  }

  /**
   * Tracks gathered from the archive's reader and decided on every core (searches share the index's
   * read lock; thresholds and the policy are thread-safe), then collected in the reader's order.
   */
  private final class Batch {
    final List<ArchivedTrack> tracks = new ArrayList<>(BATCH);
    final List<TrackDecision> decisions = new ArrayList<>(BATCH);
    final List<Redecision.Change> changes = new ArrayList<>();
    final List<TrackDecision> updates = new ArrayList<>();
    final GalleryIndex gallery;
    final GalleryIndex only;
    final Set<String> ids;
    final int persons;
    final Instant now;
    long examined;
    long searchedFully;
    long undecidable;

    Batch(GalleryIndex gallery, GalleryIndex only, Set<String> ids, int persons, Instant now) {
      this.gallery = gallery;
      this.only = only;
      this.ids = ids;
      this.persons = persons;
      this.now = now;
    }

    void run() {
      int n = tracks.size();
      Outcome[] out = new Outcome[n];
      IntStream.range(0, n)
          .parallel()
          .forEach(i -> out[i] = decide(tracks.get(i), decisions.get(i)));
      for (int i = 0; i < n; i++) {
        examined++;
        Outcome o = out[i];
        searchedFully += o.full() ? 1 : 0;
        if (o.after() == null) {
          undecidable++;
        } else if (o.changed()) {
          changes.add(new Redecision.Change(tracks.get(i), decisions.get(i), o.after()));
          updates.add(o.after());
        } else if (o.update() != null) {
          updates.add(o.update());
        }
      }
      tracks.clear();
      decisions.clear();
    }

    private Outcome decide(ArchivedTrack t, TrackDecision d) {
      boolean full =
          only == null
              || !d.nearestComplete()
              || (d.personId() != null && ids.contains(d.personId()))
              || d.nearest().stream().anyMatch(m -> ids.contains(m.personId()));
      byte[] code = t.aggregate();
      List<Match> nearest =
          full
              ? gallery.search(code, t.modelId(), 2, mode)
              : merge(d.nearest(), only.search(code, t.modelId(), 2, SearchMode.EXACT));
      TrackDecision after;
      try {
        after = judge(t, d, nearest, persons, now);
      } catch (NoCalibrationException e) {
        return new Outcome(full, null, false, null);
      }
      if (!Objects.equals(after.personId(), d.personId())) {
        return new Outcome(full, after, true, null);
      }
      if (!sameNearest(d.nearest(), after.nearest()) || !d.nearestComplete()) {
        return new Outcome(
            full,
            after,
            false,
            new TrackDecision(
                d.trackId(),
                d.personId(),
                after.distance(),
                after.threshold(),
                after.falseAcceptRate(),
                after.fpir(),
                after.gallerySize(),
                after.nearest(),
                true,
                d.decidedAt(),
                d.retroactive(),
                d.revision(),
                d.clusterId()));
      }
      return new Outcome(full, after, false, null);
    }
  }

  /** What deciding one track gave: the new decision (null: no calibration), what to store. */
  private record Outcome(
      boolean full, TrackDecision after, boolean changed, TrackDecision update) {}

  private TrackDecision judge(
      ArchivedTrack t, TrackDecision d, List<Match> nearest, int persons, Instant now) {
    String against = nearest.isEmpty() ? t.modelId() : nearest.get(0).modelId();
    Threshold threshold = thresholds.at(t.modelId(), against, persons, t.goodFrames());
    Verdict v = policy.judge(t.goodFrames(), nearest, threshold.distance());
    String person = v.kind() == Verdict.Kind.MATCH ? v.best().personId() : null;
    boolean changed = !Objects.equals(person, d.personId());
    return new TrackDecision(
        t.trackId(),
        person,
        v.bestDistance(),
        threshold.distance(),
        threshold.falseAcceptRate(),
        threshold.fpir(),
        threshold.persons(),
        nearest,
        true,
        changed ? now : d.decidedAt(),
        changed || d.retroactive(),
        changed ? d.revision() + 1 : d.revision(),
        // A named track leaves the clusters of unknown faces; an unknown one keeps its cluster.
        person == null ? d.clusterId() : null);
  }

  /** The two nearest distinct persons of both lists (a person in both keeps the nearer code). */
  static List<Match> merge(List<Match> stored, List<Match> fresh) {
    List<Match> all = new ArrayList<>(fresh);
    for (Match m : stored) {
      if (fresh.stream().noneMatch(f -> f.personId().equals(m.personId()))) {
        all.add(m);
      }
    }
    all.sort(Comparator.comparingInt(Match::squaredCodeDistance).thenComparing(Match::personId));
    return all.size() > 2 ? List.copyOf(all.subList(0, 2)) : List.copyOf(all);
  }

  private static boolean sameNearest(List<Match> a, List<Match> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).personId().equals(b.get(i).personId())
          || a.get(i).squaredCodeDistance() != b.get(i).squaredCodeDistance()) {
        return false;
      }
    }
    return true;
  }
}
