package io.facetrail.app.index;

import io.facetrail.app.run.RunPlan;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GalleryStores;
import io.facetrail.matcher.gallery.GalleryUnavailableException;
import io.facetrail.matcher.gallery.GalleryVersion;
import io.facetrail.runtime.cli.UserFacingException;
import java.time.Clock;

/**
 * The gallery an indexing run decides against, opened before the pipeline to tell which earlier
 * timelines are still current. It is opened from the same configuration as the run's matcher (the
 * {@code --gallery} target, then {@code FACETRAIL_GALLERY_*} variables such as the Redis key
 * prefix), so both see the same store.
 */
final class IndexGallery implements AutoCloseable {
  private final Gallery gallery;

  private IndexGallery(Gallery gallery) {
    this.gallery = gallery;
  }

  /**
   * Opens the gallery of {@code s}.
   *
   * @throws UserFacingException when its configuration is refused
   */
  static IndexGallery open(IndexSettings s) {
    return new IndexGallery(
        GalleryStores.open(RunPlan.gallery(s.pipeline(), System.getenv()), Clock.systemUTC()));
  }

  /**
   * The gallery's version now.
   *
   * @throws UserFacingException naming the store (never its password) when it cannot be read
   */
  GalleryVersion version() {
    try {
      return gallery.version();
    } catch (GalleryUnavailableException e) {
      throw new UserFacingException("cannot use the gallery: " + e.getMessage(), e);
    }
  }

  /**
   * The store itself, for looking persons up.
   *
   * @see StaleNames
   */
  Gallery gallery() {
    return gallery;
  }

  @Override
  public void close() {
    gallery.close();
  }
}
