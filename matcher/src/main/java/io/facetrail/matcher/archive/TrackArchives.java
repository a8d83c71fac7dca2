package io.facetrail.matcher.archive;

import io.facetrail.matcher.gallery.GallerySettings;
import java.nio.file.Path;
import java.util.Optional;

/** Opens the archive a configuration names. */
public final class TrackArchives {
  private TrackArchives() {}

  /**
   * The archive, or empty when archiving is off.
   *
   * @param gallery where the gallery is (for {@link ArchiveSettings.Store#GALLERY})
   */
  public static Optional<TrackArchive> open(ArchiveSettings configured, GallerySettings gallery) {
    ArchiveSettings settings = ArchiveTarget.resolve(configured, gallery);
    return switch (settings.store()) {
      case GALLERY -> throw new IllegalStateException("resolved above");
      case OFF -> Optional.empty();
      case LOCAL -> Optional.of(LocalTrackArchive.open(Path.of(settings.localDir())));
      case REDIS -> Optional.of(RedisTrackArchive.connect(settings.redis()));
    };
  }
}
