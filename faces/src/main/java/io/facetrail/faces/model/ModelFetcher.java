package io.facetrail.faces.model;

import java.nio.file.Path;
import java.util.Set;

/** Puts weight files into a cache folder (the caller verifies them afterwards). */
@FunctionalInterface
public interface ModelFetcher {
  /**
   * Writes {@code files} into {@code dir}, replacing what is there.
   *
   * @throws ModelCacheException naming the manual steps when fetching is impossible
   */
  void fetch(Path dir, Set<ModelFile> files);
}
