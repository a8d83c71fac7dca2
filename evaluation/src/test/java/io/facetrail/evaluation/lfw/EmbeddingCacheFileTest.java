package io.facetrail.evaluation.lfw;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.faces.pipeline.DetectorKind;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddingCacheFileTest {
  /**
   * The name eval lfw gave its cache before eval calibrate shared the method: a changed name would
   * silently re-embed every user's LFW photos, and the two commands must agree.
   */
  @Test
  void namesTheCacheByEverySettingThatChangesTheEmbeddings() {
    FacePipelineSettings s =
        FacePipelineSettings.defaults().toBuilder()
            .minFaceSize(40)
            .build()
            .withDetection(DetectorKind.TINY, 0.4, 0.3);
    Path dir = Path.of("/tmp/lfw-cache");
    assertThat(EmbeddingCache.file(dir, s, "dlib-r29-v1"))
        .isEqualTo(dir.resolve("dlib-r29-v1-TINY-s0.4-p0.3-m40-c0.25-r2.emb"));
    assertThat(EmbeddingCache.file(null, s, "m").getParent())
        .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "facetrail", "lfw"));
  }
}
