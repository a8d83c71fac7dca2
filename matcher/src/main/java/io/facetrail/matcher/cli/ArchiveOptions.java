package io.facetrail.matcher.cli;

import io.facetrail.matcher.archive.ArchiveSettings;
import io.facetrail.matcher.archive.ArchiveTarget;
import io.facetrail.matcher.archive.ArchiveUnavailableException;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.archive.TrackArchives;
import io.facetrail.runtime.cli.UserFacingException;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The track archive a command works on: {@code --archive DIR|redis://...|off}, else the matcher
 * configuration's {@code archive.*}, whose default is the place beside the gallery ({@code
 * --gallery}): the archive a run or the matcher service against that gallery writes.
 */
final class ArchiveOptions {
  @Option(
      names = "--archive",
      paramLabel = "DIR|redis://HOST:PORT|off",
      description =
          "The track archive: a folder, a Redis server (the syntax of --gallery, keyPrefix naming"
              + " the archive's) or off (default: the matcher configuration's archive.*, by default"
              + " beside the gallery: the folder <gallery>-archive, or the gallery's Redis under"
              + " <keyPrefix>-archive).")
  String archive;

  /** The archive's settings for {@code gallery}'s gallery. */
  ArchiveSettings settings(GalleryOptions gallery) {
    ArchiveSettings configured = gallery.config().archive();
    ArchiveSettings chosen =
        archive == null ? configured : ArchiveTarget.parse(archive, configured, gallery.settings());
    return ArchiveTarget.resolve(chosen, gallery.settings());
  }

  /**
   * Opens the archive and names it on {@code err}; empty when it is off.
   *
   * @throws UserFacingException when it cannot be opened
   */
  Optional<TrackArchive> open(GalleryOptions gallery, PrintWriter err) {
    try {
      Optional<TrackArchive> a = TrackArchives.open(settings(gallery), gallery.settings());
      a.ifPresent(x -> err.println("archive: " + x.describe()));
      return a;
    } catch (ArchiveUnavailableException e) {
      throw new UserFacingException("track archive unavailable: " + e.getMessage(), e);
    }
  }

  /** Opens the archive, refusing {@code off}. */
  TrackArchive require(GalleryOptions gallery, PrintWriter err) {
    return open(gallery, err)
        .orElseThrow(() -> new UserFacingException("the track archive is off (--archive off)"));
  }
}
