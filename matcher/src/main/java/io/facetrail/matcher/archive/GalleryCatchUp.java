package io.facetrail.matcher.archive;

import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GalleryChanges;
import io.facetrail.matcher.gallery.GalleryVersion;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.index.GalleryIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Brings an archive's decisions up to date with the gallery as it is now, for processes that
 * archive without following the gallery between runs ({@code run}, {@code index}): the archive
 * records the gallery cursor its decisions were last brought up to date with ({@link
 * TrackArchive#galleryCursor()}), and when the gallery has moved since, the archive is re-decided
 * ({@link Redecider}) and the new cursor recorded. When the gallery can say which persons changed
 * since that cursor (a Redis gallery's change feed), only tracks those persons may concern are
 * searched against the whole gallery; otherwise (a local folder, a new epoch, a trimmed feed, no
 * cursor recorded) every track is. Either way the tracks of persons no longer in the gallery are
 * erased from the archive first, as {@code facetrail archive redecide} does.
 */
public final class GalleryCatchUp {
  /**
   * What a catch-up did.
   *
   * @param from the gallery version the decisions were up to date with, null when none was recorded
   * @param to the gallery version they are up to date with now
   * @param redecided whether a re-decision ran (false: the archive was current or empty)
   * @param incremental whether only the changed persons were searched for (the change feed knew
   *     them)
   * @param changedPersons persons the change feed named (0 when not incremental)
   * @param examined tracks re-decided
   * @param changed tracks whose decision changed
   * @param erased tracks erased with persons no longer in the gallery
   * @param undecidable tracks of a model without calibration against the gallery's (left as they
   *     are)
   */
  public record Result(
      GalleryVersion from,
      GalleryVersion to,
      boolean redecided,
      boolean incremental,
      int changedPersons,
      long examined,
      int changed,
      int erased,
      long undecidable) {}

  private GalleryCatchUp() {}

  /**
   * Catches {@code archive} up with {@code gallery}.
   *
   * @param index an empty index of the matcher's configuration, loaded here only when needed
   */
  public static Result run(
      TrackArchive archive, Gallery gallery, GalleryIndex index, Redecider redecider, Instant now) {
    // Read before the snapshot: a change made during the catch-up is caught up with next time.
    GalleryChanges.Cursor cursor = gallery.cursor();
    GalleryVersion to = GalleryVersion.of(cursor);
    Optional<GalleryChanges.Cursor> stored = archive.galleryCursor();
    GalleryVersion from = stored.map(GalleryVersion::of).orElse(null);
    if (to.equals(from)) {
      return new Result(from, to, false, false, 0, 0, 0, 0, 0);
    }
    if (archive.count() == 0) {
      archive.galleryCursor(cursor);
      return new Result(from, to, false, false, 0, 0, 0, 0, 0);
    }
    GalleryChanges changes =
        stored
            .filter(c -> c.epoch().equals(cursor.epoch()))
            .map(gallery::changesSince)
            .orElse(null);
    boolean incremental = changes != null && !changes.resyncRequired();
    index.replaceAll(gallery.snapshot());
    int erased;
    Redecision r;
    if (incremental) {
      Set<String> ids = changes.changedPersons();
      List<PersonRecord> records = new ArrayList<>();
      erased = 0;
      for (String id : ids) {
        Optional<PersonRecord> record = gallery.record(id);
        if (record.isPresent()) {
          records.add(record.get());
        } else {
          // An erased person's archived tracks go with them (docs/PRIVACY.md).
          erased += archive.erasePerson(id);
        }
      }
      r = redecider.redecide(archive::forEach, index, records, ids, now);
    } else {
      erased = eraseAbsent(archive, gallery);
      r = redecider.redecide(archive::forEach, index, null, Set.of(), now);
    }
    archive.updateDecisions(r.updates());
    archive.galleryCursor(cursor);
    return new Result(
        from,
        to,
        true,
        incremental,
        incremental ? changes.changedPersons().size() : 0,
        r.examined(),
        r.changes().size(),
        erased,
        r.undecidable());
  }

  /**
   * Erases every person the archive's decisions name who is no longer in the gallery.
   *
   * @return the tracks deleted
   */
  public static int eraseAbsent(TrackArchive archive, Gallery gallery) {
    Set<String> named = new HashSet<>();
    archive.forEach(
        (t, d) -> {
          if (d.personId() != null) {
            named.add(d.personId());
          }
        });
    int erased = 0;
    for (String id : named) {
      if (gallery.person(id).isEmpty()) {
        erased += archive.erasePerson(id);
      }
    }
    return erased;
  }
}
