package io.facetrail.matcher.gallery;

import java.util.Objects;

/**
 * Which state of a gallery something was decided against: the store's lifetime ({@code epoch}) and
 * its change counter. Every mutation (enrol, add photos, rename, erase, import) moves the counter;
 * a new epoch means the store was created afresh or lost its data. Two equal versions of one store
 * hold the same persons and codes, so a result decided at one of them is still current; any other
 * version may name somebody who is no longer enrolled, or miss somebody who is.
 *
 * <p>A counter rather than a content hash: reading it costs one file or one Redis round trip at any
 * gallery size, so it can be read before every video of an archive.
 *
 * @param epoch the store's lifetime id (a random id per local folder or per Redis key prefix)
 * @param counter the store's version counter
 */
public record GalleryVersion(String epoch, long counter) {
  public GalleryVersion {
    Objects.requireNonNull(epoch, "epoch");
  }

  /** The version a reader's cursor stands at. */
  public static GalleryVersion of(GalleryChanges.Cursor cursor) {
    return new GalleryVersion(cursor.epoch(), cursor.version());
  }

  /** {@code epoch@counter}, as stored with results decided at this version. */
  public String text() {
    return epoch + "@" + counter;
  }

  @Override
  public String toString() {
    return text();
  }
}
