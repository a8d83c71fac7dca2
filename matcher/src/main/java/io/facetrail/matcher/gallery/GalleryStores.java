package io.facetrail.matcher.gallery;

import io.facetrail.matcher.gallery.local.LocalGallery;
import io.facetrail.matcher.gallery.redis.RedisGallery;
import java.nio.file.Path;
import java.time.Clock;

/** Opens the gallery store a configuration names. */
public final class GalleryStores {
  private GalleryStores() {}

  public static Gallery open(GallerySettings settings, Clock clock) {
    return switch (settings.store()) {
      case REDIS -> RedisGallery.connect(settings.redis(), clock);
      case LOCAL -> LocalGallery.open(Path.of(settings.localDir()), clock);
    };
  }
}
