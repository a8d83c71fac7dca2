package io.facetrail.app.index;

import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GalleryStores;
import io.facetrail.matcher.gallery.GalleryUnavailableException;
import io.facetrail.matcher.gallery.GalleryVersion;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.runtime.cli.UserFacingException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

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
    Map<String, String> m = new HashMap<>(s.gallery().settings());
    // Required by the matcher's configuration, never used here: only its gallery section is.
    m.put("kafka.bootstrapServers", "127.0.0.1:1");
    var settings = MatcherConfig.loader().load(null, System.getenv(), m).gallery();
    return new IndexGallery(GalleryStores.open(settings, Clock.systemUTC()));
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
