package io.facetrail.faces.model;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Hands each wanted file to the fetcher of its source package. */
final class SourceFetcher implements ModelFetcher {
  private final Map<ModelSource, ModelFetcher> fetchers;

  SourceFetcher(Map<ModelSource, ModelFetcher> fetchers) {
    this.fetchers = new EnumMap<>(fetchers);
  }

  /** The real sources: npm for the networks, the Debian archive for the shape predictor. */
  static SourceFetcher standard() {
    return new SourceFetcher(
        Map.of(
            ModelSource.FACE_API_NPM,
            new NpmModelFetcher(ModelSource.FACE_API_NPM),
            ModelSource.HUMAN_MODELS_NPM,
            new NpmModelFetcher(ModelSource.HUMAN_MODELS_NPM),
            ModelSource.DLIB_DATA_DEBIAN,
            new DebianModelFetcher()));
  }

  @Override
  public void fetch(Path dir, Set<ModelFile> files) {
    Map<ModelSource, Set<ModelFile>> bySource = new EnumMap<>(ModelSource.class);
    for (ModelFile f : files) {
      bySource.computeIfAbsent(f.source(), s -> EnumSet.noneOf(ModelFile.class)).add(f);
    }
    bySource.forEach((source, wanted) -> fetchers.get(source).fetch(dir, wanted));
  }
}
