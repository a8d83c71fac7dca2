package io.facetrail.evaluation.identification;

import io.facetrail.matcher.aggregate.TrackState;
import io.facetrail.matcher.decision.DecisionSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * Draws the galleries and searches of the open-set protocol from the LFW split, deterministically
 * from a seed. A gallery of N persons takes persons with at least two photos first (they bring
 * mated searches), in a seeded order, then one-photo persons as distractors; each is enrolled with
 * their first photo. Searches are single photos, or tracks of k photos of one person folded into
 * the matcher's own track aggregate ({@link TrackState}: quality-weighted mean of the float
 * embeddings of the photos at or above {@code minQuality}).
 */
final class OpenSetProtocol {
  private final LfwSplit split;
  private final Function<Path, Optional<CachedFace>> faces;
  private final long seed;
  private final int draws;
  private final int maxTracksPerPerson;
  private final DecisionSettings aggregation;

  /**
   * @param faces the face of a photo, empty when it has none
   * @param draws how many seeded partitions of each person's photos into tracks are drawn (tracks
   *     that repeat a set of photos are kept once)
   * @param maxTracksPerPerson at most this many tracks per person (the first drawn), so that the
   *     few people with hundreds of photos do not dominate the track searches
   * @param aggregation the matcher's {@code minQuality} and {@code maxObservations}
   */
  OpenSetProtocol(
      LfwSplit split,
      Function<Path, Optional<CachedFace>> faces,
      long seed,
      int draws,
      int maxTracksPerPerson,
      DecisionSettings aggregation) {
    this.split = split;
    this.faces = faces;
    this.seed = seed;
    this.draws = draws;
    this.maxTracksPerPerson = maxTracksPerPerson;
    this.aggregation = aggregation;
  }

  /** Persons whose enrolment photo has a face, in gallery order (mated first, each seeded). */
  List<String> eligible() {
    List<String> mated = new ArrayList<>();
    List<String> single = new ArrayList<>();
    for (var e : split.enrolled().entrySet()) {
      if (faces.apply(e.getValue().get(0)).isPresent()) {
        (e.getValue().size() > 1 ? mated : single).add(e.getKey());
      }
    }
    Collections.shuffle(mated, new Random(seed));
    Collections.shuffle(single, new Random(seed + 1));
    mated.addAll(single);
    return mated;
  }

  /** The enrolment code of a gallery person. */
  byte[] enrolment(String person) {
    return faces.apply(split.enrolled().get(person).get(0)).orElseThrow().code();
  }

  /** Searches of gallery persons with their other photos ({@code k == 0}: single photos). */
  List<Probe> mated(Collection<String> gallery, int k) {
    List<Probe> out = new ArrayList<>();
    for (String person : gallery) {
      List<Path> photos = split.enrolled().get(person);
      out.addAll(probes(person, photos.subList(1, photos.size()), k));
    }
    return out;
  }

  /** Searches of never-enrolled persons with every photo of theirs. */
  List<Probe> strangers(int k) {
    List<Probe> out = new ArrayList<>();
    split.strangers().forEach((person, photos) -> out.addAll(probes(person, photos, k)));
    return out;
  }

  private List<Probe> probes(String person, List<Path> photos, int k) {
    List<CachedFace> withFace = new ArrayList<>();
    for (Path p : photos) {
      // A photo without a detected face is no observation at all, as in a video track.
      faces.apply(p).ifPresent(withFace::add);
    }
    if (k == 0) {
      return withFace.stream().map(f -> new Probe(person, f.code(), 1)).toList();
    }
    List<Probe> out = new ArrayList<>();
    for (List<Integer> track :
        TrackFolds.draws(person, withFace.size(), k, seed, draws, maxTracksPerPerson)) {
      out.add(TrackFolds.fold(person, track.stream().map(withFace::get).toList(), aggregation));
    }
    return out;
  }

  /** How many of the split's persons a list of probes covers. */
  static long persons(List<Probe> probes) {
    return probes.stream().map(Probe::person).distinct().count();
  }

  static Map<String, Long> counts(List<Probe> probes) {
    return Map.of(
        "searches",
        (long) probes.size(),
        "persons",
        persons(probes),
        "withoutAggregate",
        probes.stream().filter(p -> !p.decidable()).count());
  }
}
