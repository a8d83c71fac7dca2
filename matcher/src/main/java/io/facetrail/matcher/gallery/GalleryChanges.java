package io.facetrail.matcher.gallery;

import java.util.Objects;
import java.util.Set;

/**
 * What changed in a gallery since a reader's cursor.
 *
 * @param cursor where the reader stands after applying these changes
 * @param changedPersons persons to reload (added, changed or erased)
 * @param resyncRequired the reader's cursor cannot be continued (the feed was trimmed, or the store
 *     was reset, e.g. a Redis restart without persistence): reload everything
 */
public record GalleryChanges(Cursor cursor, Set<String> changedPersons, boolean resyncRequired) {
  public GalleryChanges {
    Objects.requireNonNull(cursor, "cursor");
    changedPersons = Set.copyOf(changedPersons);
  }

  public boolean isEmpty() {
    return !resyncRequired && changedPersons.isEmpty();
  }

  /**
   * A reader's position in the change feed.
   *
   * @param epoch identifies one lifetime of the store; a new epoch means everything may have
   *     changed
   * @param version the store's version counter
   * @param feedPosition store-specific position in the change feed (a Redis stream entry id)
   */
  public record Cursor(String epoch, long version, String feedPosition) {
    public Cursor {
      Objects.requireNonNull(epoch, "epoch");
      Objects.requireNonNull(feedPosition, "feedPosition");
    }
  }
}
