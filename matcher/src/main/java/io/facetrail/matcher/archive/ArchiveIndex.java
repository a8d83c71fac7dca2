package io.facetrail.matcher.archive;

import io.facetrail.contracts.identity.Moment;
import io.facetrail.matcher.gallery.Person;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.gallery.StoredCode;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.index.Match;
import io.facetrail.matcher.index.ModelCompatibility;
import io.facetrail.matcher.index.SearchMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * Search over archived tracks by face, on the gallery's own index ({@link GalleryIndex}): each
 * track is entered as if it were a person whose codes are the track's aggregate and best frames, so
 * a search returns each track once, at the distance of its nearest code, with the same exact and
 * fast scans (and model compatibility) as identity decisions.
 */
public final class ArchiveIndex {
  private static final Instant EPOCH = Instant.EPOCH;

  private final GalleryIndex index;
  private final Map<String, Entry> entries = new HashMap<>();

  /**
   * What a search shows of a track besides its distance.
   *
   * @param trackId the track
   * @param streamId its stream or video
   * @param firstSeen first sighting
   * @param lastSeen last sighting
   * @param decision its current decision
   */
  public record Entry(
      String trackId, String streamId, Moment firstSeen, Moment lastSeen, TrackDecision decision) {}

  /**
   * A track found by a search.
   *
   * @param entry the track
   * @param distance distance of its nearest code to the query, in embedding units
   * @param modelId the model of that code
   */
  public record Hit(Entry entry, double distance, String modelId) {}

  /**
   * @param compatibility which models' codes a query may be compared with
   * @param fastThreshold stored codes from which {@link SearchMode#AUTO} uses the fast search
   * @param fastCandidates codes the fast search re-ranks exactly
   */
  public ArchiveIndex(ModelCompatibility compatibility, int fastThreshold, int fastCandidates) {
    this.index =
        new GalleryIndex(compatibility, ForkJoinPool.commonPool(), fastThreshold, fastCandidates);
  }

  /** Makes room for this many tracks of about four codes each (bulk loading). */
  public void reserve(int tracks) {
    index.reserve(4 * tracks, tracks);
  }

  /** Adds (or replaces) a track. */
  public void add(ArchivedTrack t, TrackDecision d) {
    List<StoredCode> codes = new ArrayList<>();
    List<byte[]> all = t.codes();
    for (int i = 0; i < all.size(); i++) {
      codes.add(new StoredCode(Integer.toString(i), t.modelId(), all.get(i), "", EPOCH));
    }
    index.upsert(new PersonRecord(new Person(t.trackId(), "", Map.of(), EPOCH, EPOCH), codes));
    entries.put(t.trackId(), new Entry(t.trackId(), t.streamId(), t.firstSeen(), t.lastSeen(), d));
  }

  /** Refits the fast search to the loaded codes (after bulk loading). */
  public void retrain() {
    index.retrain();
  }

  /** Loads every track of {@code archive}. */
  public static ArchiveIndex load(
      TrackArchive archive,
      ModelCompatibility compatibility,
      int fastThreshold,
      int fastCandidates) {
    ArchiveIndex ix = new ArchiveIndex(compatibility, fastThreshold, fastCandidates);
    long n = archive.count();
    ix.reserve((int) Math.min(Integer.MAX_VALUE / 4, n));
    archive.forEach(ix::add);
    ix.retrain();
    return ix;
  }

  /** The {@code k} tracks nearest to {@code code}, nearest first. */
  public List<Hit> search(byte[] code, String modelId, int k, SearchMode mode) {
    List<Hit> out = new ArrayList<>();
    for (Match m : index.search(code, modelId, k, mode)) {
      out.add(new Hit(entries.get(m.personId()), m.distance(), m.modelId()));
    }
    return out;
  }

  /**
   * The {@code k} tracks nearest to any of {@code codes} (a person's enrolled codes), each at its
   * smallest distance, and every track whose decision names {@code personId}; nearest first.
   */
  public List<Hit> searchPerson(String personId, List<StoredCode> codes, int k, SearchMode mode) {
    Map<String, Hit> best = new HashMap<>();
    for (StoredCode c : codes) {
      for (Hit h : search(c.code(), c.modelId(), k, mode)) {
        best.merge(h.entry().trackId(), h, (a, b) -> a.distance() <= b.distance() ? a : b);
      }
    }
    for (Entry e : entries.values()) {
      if (personId.equals(e.decision().personId()) && !best.containsKey(e.trackId())) {
        best.put(e.trackId(), new Hit(e, e.decision().distance(), ""));
      }
    }
    List<Hit> out = new ArrayList<>(best.values());
    out.sort(
        Comparator.comparingDouble((Hit h) -> Double.isNaN(h.distance()) ? 9 : h.distance())
            .thenComparing(h -> h.entry().trackId()));
    return out;
  }

  /** Tracks in the index. */
  public int size() {
    return entries.size();
  }

  /** Codes in the index. */
  public int codeCount() {
    return index.codeCount();
  }

  /** Heap held by the index's code arrays. */
  public long codeArrayBytes() {
    return index.codeArrayBytes();
  }
}
