package io.facetrail.app.run;

import io.facetrail.matcher.archive.ArchiveUnavailableException;
import io.facetrail.matcher.archive.GalleryCatchUp;
import io.facetrail.matcher.archive.Redecider;
import io.facetrail.matcher.archive.TrackArchive;
import io.facetrail.matcher.archive.TrackArchives;
import io.facetrail.matcher.decision.DecisionPolicy;
import io.facetrail.matcher.decision.Thresholds;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GalleryStores;
import io.facetrail.matcher.gallery.GalleryUnavailableException;
import io.facetrail.matcher.index.GalleryIndex;
import io.facetrail.matcher.stream.MatcherConfig;
import io.facetrail.matcher.stream.MatcherWiring;
import io.facetrail.runtime.cli.UserFacingException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * The track archive of a run's matcher configuration, opened before the matcher (which opens it
 * again: a local archive is held by one process, so this one is closed first), to bring its
 * decisions up to date with the gallery ({@link GalleryCatchUp}) and, for {@code index}, to read
 * the tracks of videos indexed before. {@code run} and {@code index} archive without following the
 * gallery between runs: this is where a gallery change made since reaches the archived decisions.
 */
public final class RunArchive implements AutoCloseable {
  private final TrackArchive archive;
  private final Gallery gallery;
  private final MatcherConfig config;

  private RunArchive(TrackArchive archive, Gallery gallery, MatcherConfig config) {
    this.archive = archive;
    this.gallery = gallery;
    this.config = config;
  }

  /**
   * Opens the archive and the gallery of {@code config}; empty when archiving is off, or when the
   * archive cannot be opened (a local one in use by another process), which is said on {@code
   * console}.
   *
   * @throws UserFacingException when the gallery cannot be opened
   */
  public static Optional<RunArchive> open(MatcherConfig config, RunConsole console) {
    Optional<TrackArchive> a;
    try {
      a = TrackArchives.open(config.archive(), config.gallery());
    } catch (ArchiveUnavailableException e) {
      console.status(e.getMessage() + ": its tracks are not re-decided now");
      return Optional.empty();
    }
    if (a.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new RunArchive(a.get(), GalleryStores.open(config.gallery(), Clock.systemUTC()), config));
    } catch (RuntimeException e) {
      a.get().close();
      throw e;
    }
  }

  /**
   * Opens the archive, catches it up with the gallery and closes it, for a run about to start.
   *
   * @return whether the archive is up to date with the gallery (false: off, in use or failing)
   */
  public static boolean catchUpAtStart(MatcherConfig config, RunConsole console) {
    Optional<RunArchive> a = open(config, console);
    if (a.isEmpty()) {
      return false;
    }
    try (RunArchive archive = a.get()) {
      return archive.catchUp(console).isPresent();
    }
  }

  /**
   * Re-decides the archive when the gallery changed since its decisions were taken, and prints one
   * line saying what changed.
   *
   * @return what was done; empty when the archive failed (said on {@code console}; the run goes on
   *     without it)
   * @throws UserFacingException when the gallery cannot be read
   */
  public Optional<GalleryCatchUp.Result> catchUp(RunConsole console) {
    Thresholds thresholds;
    try {
      thresholds = MatcherWiring.thresholds(config);
    } catch (IllegalArgumentException e) {
      throw new UserFacingException(e.getMessage(), e);
    }
    GalleryIndex index =
        new GalleryIndex(
            thresholds.comparable(),
            ForkJoinPool.commonPool(),
            config.gallery().fastThreshold(),
            config.gallery().fastCandidates());
    Redecider redecider =
        new Redecider(new DecisionPolicy(config.decision()), thresholds, config.gallery().search());
    long started = System.nanoTime();
    GalleryCatchUp.Result r;
    try {
      r = GalleryCatchUp.run(archive, gallery, index, redecider, Clock.systemUTC().instant());
    } catch (GalleryUnavailableException e) {
      throw new UserFacingException("cannot use the gallery: " + e.getMessage(), e);
    } catch (ArchiveUnavailableException e) {
      console.status(
          "the archived tracks could not be re-decided (" + e.getMessage() + "); going on");
      return Optional.empty();
    }
    if (r.redecided()) {
      console.status(line(r, (System.nanoTime() - started) / 1e9));
    }
    return Optional.of(r);
  }

  /** E.g. {@code archive: the gallery changed since ... re-decided 12 tracks ...}. */
  static String line(GalleryCatchUp.Result r, double seconds) {
    return String.format(
        Locale.ROOT,
        "archive: the gallery changed since its tracks were decided (%s -> %s): re-decided %d"
            + " track(s) from their stored codes in %.1f s (%s): %d decision(s) changed, %d"
            + " track(s) of persons no longer in the gallery erased%s",
        r.from() == null ? "not recorded" : r.from().text(),
        r.to().text(),
        r.examined(),
        seconds,
        r.incremental()
            ? "against the " + r.changedPersons() + " changed person(s)"
            : "every track against the whole gallery",
        r.changed(),
        r.erased(),
        r.undecidable() > 0 ? ", " + r.undecidable() + " of a model without calibration" : "");
  }

  /** The archive. */
  public TrackArchive archive() {
    return archive;
  }

  /** The gallery the decisions are taken against (for names). */
  public Gallery gallery() {
    return gallery;
  }

  /** Where the archive is (no secrets). */
  public String describe() {
    return archive.describe();
  }

  @Override
  public void close() {
    try {
      archive.close();
    } finally {
      gallery.close();
    }
  }
}
