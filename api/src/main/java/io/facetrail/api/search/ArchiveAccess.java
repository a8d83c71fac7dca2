package io.facetrail.api.search;

import io.facetrail.api.server.ProblemException;
import io.facetrail.matcher.archive.ArchiveSettings;
import io.facetrail.matcher.archive.ArchiveTarget;
import io.facetrail.matcher.archive.ArchiveUnavailableException;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.archive.TrackArchives;
import io.facetrail.matcher.gallery.GallerySettings;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How the API reaches the track archive. A local archive is locked by one process at a time (the
 * pipeline that writes it), so {@code serve} opens it for each search and lets it go again, and
 * {@code run --serve} shares its own matcher's archive instead of opening a second one.
 */
public interface ArchiveAccess {
  /**
   * Runs {@code action} on the archive.
   *
   * @throws ProblemException (503) when archiving is off or the archive cannot be opened now
   */
  <T> T with(Function<TrackArchive, T> action);

  /**
   * Whether the configuration archives nothing at all (so asking again later will not help), as
   * opposed to an archive that cannot be reached now. A shared archive cannot tell: false.
   */
  default boolean off() {
    return false;
  }

  /**
   * Opens the configured archive for each call (the standalone API). Calls take turns: a local
   * archive's lock belongs to the whole process, so a second request opening it while the first has
   * it open (a page loading several thumbnails at once) would be refused as if a pipeline held it.
   */
  static ArchiveAccess perCall(ArchiveSettings archive, GallerySettings gallery) {
    return new ArchiveAccess() {
      private final ReentrantLock turn = new ReentrantLock();

      @Override
      public boolean off() {
        return ArchiveTarget.resolve(archive, gallery).store() == ArchiveSettings.Store.OFF;
      }

      @Override
      public <T> T with(Function<TrackArchive, T> action) {
        turn.lock();
        try {
          return open(action);
        } finally {
          turn.unlock();
        }
      }

      private <T> T open(Function<TrackArchive, T> action) {
        Optional<TrackArchive> opened;
        try {
          opened = TrackArchives.open(archive, gallery);
        } catch (ArchiveUnavailableException e) {
          throw unavailable(
              e.getMessage()
                  + " (a local archive is locked by the pipeline writing it; a Redis archive"
                  + " can be searched while it runs)");
        }
        try (TrackArchive a = opened.orElseThrow(() -> unavailable("archiving is off"))) {
          return action.apply(a);
        }
      }
    };
  }

  /** An archive another part of the process owns (the run's), when it has one yet. */
  static ArchiveAccess shared(Supplier<Optional<TrackArchive>> archive) {
    return new ArchiveAccess() {
      @Override
      public <T> T with(Function<TrackArchive, T> action) {
        return action.apply(
            archive
                .get()
                .orElseThrow(
                    () -> unavailable("this run archives no tracks (yet, or archiving is off)")));
      }
    };
  }

  private static ProblemException unavailable(String detail) {
    return ProblemException.of(
        503, "archive-unavailable", "The track archive cannot be searched now", detail);
  }
}
