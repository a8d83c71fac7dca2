package io.facetrail.app.run;

import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GallerySettings;
import io.facetrail.matcher.gallery.GalleryStores;
import io.facetrail.matcher.gallery.GalleryUnavailableException;
import io.facetrail.runtime.cli.UserFacingException;
import java.time.Clock;

/**
 * The check a pipeline command ({@code run}, {@code index}) makes of its gallery before anything
 * else starts. A service retries an unreachable gallery for as long as it runs (its supervisor sees
 * it not ready); a command run by hand over one video is better told at once that the password is
 * wrong or the server down than handed a summary of undecided tracks minutes later.
 */
final class GalleryCheck {
  private GalleryCheck() {}

  /**
   * Reads the gallery's version once (which needs a connection and, for Redis, accepted
   * credentials).
   *
   * @throws UserFacingException naming the store (never its password) and why it cannot be used
   */
  static void reachable(GallerySettings settings, Clock clock) {
    Gallery gallery = GalleryStores.open(settings, clock);
    try {
      gallery.cursor();
    } catch (GalleryUnavailableException e) {
      throw new UserFacingException("cannot use the gallery: " + e.getMessage(), e);
    } finally {
      gallery.close();
    }
  }
}
