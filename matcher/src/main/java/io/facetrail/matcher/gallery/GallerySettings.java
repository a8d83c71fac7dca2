package io.facetrail.matcher.gallery;

import io.facetrail.matcher.gallery.redis.RedisSettings;
import io.facetrail.matcher.index.SearchMode;
import io.facetrail.matcher.trained.ModelFolders;
import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
 * @param models trained model folders ({@code model.json}, calibration tables) whose declared
 *     compatibility lets a query of one model be compared with codes of another (a v2 embedder
 *     against a gallery enrolled with v1); empty: equal model ids only
 */
public record GallerySettings(
    Store store,
    RedisSettings redis,
    String localDir,
    Duration pollInterval,
    Duration maxStaleness,
    SearchMode search,
    int fastThreshold,
    int fastCandidates,
    List<Path> models)
    implements Validated {

  public GallerySettings {
    // Nulls stay in the list so that validation can name the empty entry.
    models = models == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(models));
  }

  /** These settings with {@code folder} among the models (unless it is listed already). */
  public GallerySettings withModel(Path folder) {
    Path wanted = folder.toAbsolutePath().normalize();
    if (models.stream().anyMatch(m -> m != null && m.toAbsolutePath().normalize().equals(wanted))) {
      return this;
    }
    List<Path> more = new ArrayList<>(models);
    more.add(folder);
    return new GallerySettings(
        store,
        redis,
        localDir,
        pollInterval,
        maxStaleness,
        search,
        fastThreshold,
        fastCandidates,
        more);
  }

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
    // Each folder is read now (metadata and tables), so that a bad one stops the start-up.
    String at = ConfigProblems.path(path, "models");
    List<ModelFolders.Problem> bad = new ArrayList<>();
    ModelFolders.read(models, bad);
    bad.forEach(b -> problems.add(at + "[" + b.index() + "]", b.message()));
  }

  private static void positive(ConfigProblems problems, Duration d, String path) {
    problems.require(d != null && !d.isNegative() && !d.isZero(), path, "must be positive");
  }
}
