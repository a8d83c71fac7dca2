package io.facetrail.matcher.archive;

import io.facetrail.matcher.gallery.GallerySettings;
import io.facetrail.matcher.gallery.GalleryTarget;
import io.facetrail.matcher.gallery.redis.RedisSettings;
import java.nio.file.Path;

/**
 * Where the archive is: as configured, or beside the gallery ({@link
 * ArchiveSettings.Store#GALLERY}, the default), so that a run, the service and {@code facetrail
 * search} given the same gallery find the same archive.
 */
public final class ArchiveTarget {
  /** Appended to the gallery's folder name and Redis key prefix. */
  public static final String SUFFIX = "-archive";

  private ArchiveTarget() {}

  /** {@code settings} with {@code GALLERY} replaced by the place beside {@code gallery}. */
  public static ArchiveSettings resolve(ArchiveSettings settings, GallerySettings gallery) {
    if (settings.store() != ArchiveSettings.Store.GALLERY) {
      return settings;
    }
    return switch (gallery.store()) {
      case LOCAL -> {
        Path dir = Path.of(gallery.localDir()).toAbsolutePath().normalize();
        Path beside = dir.resolveSibling(dir.getFileName() + SUFFIX);
        yield settings.withStore(ArchiveSettings.Store.LOCAL, beside.toString(), settings.redis());
      }
      case REDIS -> {
        RedisSettings r = gallery.redis();
        RedisSettings prefixed = r.withKeyPrefix(r.keyPrefix() + SUFFIX);
        yield settings.withStore(ArchiveSettings.Store.REDIS, settings.localDir(), prefixed);
      }
    };
  }

  /**
   * The archive named on a command line: {@code off}, a folder, or {@code redis://...} (the
   * gallery's syntax, its {@code keyPrefix} naming the archive's prefix).
   */
  public static ArchiveSettings parse(String value, ArchiveSettings base, GallerySettings gallery) {
    if (value.equals("off")) {
      return base.withStore(ArchiveSettings.Store.OFF, base.localDir(), base.redis());
    }
    GallerySettings at = GalleryTarget.parse(value).applyTo(gallery);
    return switch (at.store()) {
      case LOCAL -> base.withStore(ArchiveSettings.Store.LOCAL, at.localDir(), base.redis());
      case REDIS -> base.withStore(ArchiveSettings.Store.REDIS, base.localDir(), at.redis());
    };
  }
}
