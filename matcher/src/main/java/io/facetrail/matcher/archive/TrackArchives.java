package io.facetrail.matcher.archive;

import java.nio.file.Path;
import java.util.Optional;

/** Opens the archive a configuration names. */
public final class TrackArchives {
  private TrackArchives() {}

  /** The archive, or empty when archiving is off. */
  public static Optional<TrackArchive> open(ArchiveSettings settings) {
    return switch (settings.store()) {
      case OFF -> Optional.empty();
      case LOCAL -> Optional.of(LocalTrackArchive.open(Path.of(settings.localDir())));
      case REDIS -> Optional.of(RedisTrackArchive.connect(settings.redis()));
    };
  }
}
