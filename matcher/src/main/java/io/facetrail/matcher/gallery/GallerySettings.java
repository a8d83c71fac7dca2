package io.facetrail.matcher.gallery;

import io.facetrail.matcher.gallery.redis.RedisSettings;
import io.facetrail.matcher.index.SearchMode;
import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import java.time.Duration;

/**
 * Where the gallery lives and how the matcher follows it.
 *
 * @param store {@code redis} (the source of truth of a deployment) or {@code local} (a directory)
 * @param redis the Redis connection, for {@code store: redis}
 * @param localDir the directory, for {@code store: local}
 * @param pollInterval how often the matcher checks the change feed
 * @param maxStaleness how long the matcher may go without reaching the gallery before it holds
 *     decisions back (an erasure may be waiting on the other side)
 * @param search how the index searches ({@code AUTO}: fast search from {@code fastThreshold} codes)
 * @param fastThreshold gallery size from which {@code AUTO} uses the fast search
 * @param fastCandidates codes the fast search re-ranks exactly
 */
public record GallerySettings(
    Store store,
    RedisSettings redis,
    String localDir,
    Duration pollInterval,
    Duration maxStaleness,
    SearchMode search,
    int fastThreshold,
    int fastCandidates)
    implements Validated {

  /** The kinds of gallery store. */
  public enum Store {
    REDIS,
    LOCAL
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.required(store, ConfigProblems.path(path, "store"));
    if (store == Store.REDIS) {
      problems.section(redis, ConfigProblems.path(path, "redis"));
    }
    if (store == Store.LOCAL) {
      problems.required(localDir, ConfigProblems.path(path, "localDir"));
    }
    positive(problems, pollInterval, ConfigProblems.path(path, "pollInterval"));
    positive(problems, maxStaleness, ConfigProblems.path(path, "maxStaleness"));
    if (pollInterval != null && maxStaleness != null) {
      problems.require(
          maxStaleness.compareTo(pollInterval.multipliedBy(2)) >= 0,
          ConfigProblems.path(path, "maxStaleness"),
          "must be at least twice pollInterval");
    }
    problems.required(search, ConfigProblems.path(path, "search"));
    problems.range(fastThreshold, 0, Integer.MAX_VALUE, ConfigProblems.path(path, "fastThreshold"));
    problems.range(fastCandidates, 10, 1_000_000, ConfigProblems.path(path, "fastCandidates"));
  }

  private static void positive(ConfigProblems problems, Duration d, String path) {
    problems.require(d != null && !d.isNegative() && !d.isZero(), path, "must be positive");
  }
}
