package io.facetrail.matcher.archive;

import io.facetrail.matcher.gallery.GalleryChanges;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The store of ended tracks and their decisions. Implementations: {@link LocalTrackArchive} (a
 * folder, the embedded default) and {@link RedisTrackArchive} (shared); one contract test runs
 * against both. Methods throw {@link ArchiveUnavailableException} when the store cannot be reached.
 */
public interface TrackArchive extends AutoCloseable {
  /** Stores an ended track with its decision, replacing any track of the same id. */
  void put(ArchivedTrack track, TrackDecision decision);

  /** The track (with its thumbnail), if stored. */
  Optional<ArchivedTrack> track(String trackId);

  /** The track's current decision, if stored. */
  Optional<TrackDecision> decision(String trackId);

  /**
   * Calls {@code visitor} with every stored track (without its thumbnail: loading an index needs
   * the codes only) and its current decision, in no particular order.
   */
  void forEach(BiConsumer<ArchivedTrack, TrackDecision> visitor);

  /**
   * Replaces the decisions of stored tracks (re-decisions); decisions of absent tracks are lost.
   */
  void updateDecisions(Collection<TrackDecision> decisions);

  /**
   * Erases {@code personId} from the archive: every track decided as them (its codes, thumbnail and
   * decision) and every other mention of their id among the nearest persons of other decisions.
   *
   * @return the tracks deleted
   */
  int erasePerson(String personId);

  /**
   * Deletes tracks archived before {@code cutoff}.
   *
   * @return the tracks deleted
   */
  int deleteArchivedBefore(Instant cutoff);

  /**
   * The gallery state every stored decision was last brought up to date with ({@link
   * #galleryCursor(GalleryChanges.Cursor)}), so that a process starting against a gallery that has
   * moved since re-decides only what changed; empty when none was recorded. Tracks archived later
   * were decided against the gallery of their own time, which is at least as recent.
   */
  Optional<GalleryChanges.Cursor> galleryCursor();

  /** Records that every stored decision is up to date with the gallery at {@code cursor}. */
  void galleryCursor(GalleryChanges.Cursor cursor);

  /** Tracks stored. */
  long count();

  /** A short description (kind and place), never containing secrets. */
  String describe();

  @Override
  void close();
}
