package io.facetrail.matcher.archive;

import io.facetrail.matcher.gallery.redis.RedisSettings;
import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import java.time.Duration;

/**
 * Where the matcher archives ended tracks, for how long, and how it writes them.
 *
 * @param store {@code GALLERY} (the default: where the gallery is, a folder beside the local
 *     gallery's or the gallery's Redis under its key prefix plus {@code :archive}), {@code LOCAL}
 *     (a folder), {@code REDIS} (shared) or {@code OFF} (nothing is archived: no search, no
 *     re-decision)
 * @param localDir the folder, for {@code store: LOCAL}
 * @param redis the Redis connection, for {@code store: REDIS}
 * @param retention tracks are deleted this long after they ended
 * @param sweepInterval how often expired tracks are deleted
 * @param queueCapacity ended tracks waiting to be written; when full, the stream thread waits at
 *     most {@code maxWait}
 * @param maxWait how long the stream thread may wait for room in a full queue before the track is
 *     counted as dropped (and logged)
 * @param redecide whether the matcher service re-decides archived tracks after each gallery change
 */
public record ArchiveSettings(
    Store store,
    String localDir,
    RedisSettings redis,
    Duration retention,
    Duration sweepInterval,
    int queueCapacity,
    Duration maxWait,
    boolean redecide)
    implements Validated {

  /** The kinds of archive store. */
  public enum Store {
    GALLERY,
    LOCAL,
    REDIS,
    OFF
  }

  /** Archiving switched off. */
  public static ArchiveSettings off() {
    return new ArchiveSettings(
        Store.OFF,
        "",
        null,
        Duration.ofDays(90),
        Duration.ofHours(1),
        10_000,
        Duration.ZERO,
        false);
  }

  /** These settings with another store (the all-in-one run's folder next to the gallery). */
  public ArchiveSettings withStore(Store newStore, String newLocalDir, RedisSettings newRedis) {
    return new ArchiveSettings(
        newStore,
        newLocalDir,
        newRedis,
        retention,
        sweepInterval,
        queueCapacity,
        maxWait,
        redecide);
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.required(store, ConfigProblems.path(path, "store"));
    if (store == Store.LOCAL) {
      problems.required(localDir, ConfigProblems.path(path, "localDir"));
    }
    if (store == Store.REDIS) {
      problems.section(redis, ConfigProblems.path(path, "redis"));
    }
    positive(problems, retention, ConfigProblems.path(path, "retention"));
    positive(problems, sweepInterval, ConfigProblems.path(path, "sweepInterval"));
    problems.range(queueCapacity, 1, 1_000_000, ConfigProblems.path(path, "queueCapacity"));
    problems.require(
        maxWait != null && !maxWait.isNegative() && maxWait.compareTo(Duration.ofMinutes(1)) <= 0,
        ConfigProblems.path(path, "maxWait"),
        "must be between 0 and 1m");
  }

  private static void positive(ConfigProblems problems, Duration d, String path) {
    problems.require(d != null && !d.isNegative() && !d.isZero(), path, "must be positive");
  }
}
