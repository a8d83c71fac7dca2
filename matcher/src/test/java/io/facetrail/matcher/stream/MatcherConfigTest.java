package io.facetrail.matcher.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.facetrail.matcher.gallery.GallerySettings;
import io.facetrail.matcher.testing.ModelFolderWriter;
import io.facetrail.runtime.config.InvalidConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatcherConfigTest {
  @TempDir Path dir;

  @Test
  void theBuiltInDefaultsAreValid() {
    MatcherConfig c = MatcherConfig.loader().load(null, Map.of(), Map.of());
    assertThat(c.gallery().store()).isEqualTo(GallerySettings.Store.REDIS);
    assertThat(c.decision().maxObservations()).isEqualTo(100);
    assertThat(c.decision().unknownRetention()).isEqualTo(Duration.ofDays(30));
    assertThat(c.gallery().redis().password().isEmpty()).isTrue();
    assertThat(c.decision().fpir()).isEqualTo(1e-2);
    assertThat(c.decision().falseAcceptRate()).isNull();
  }

  @Test
  void theExpertFalseAcceptRateCanBeSetAndAnFpirOutsideZeroToOneIsReported() throws Exception {
    MatcherConfig expert =
        MatcherConfig.loader()
            .load(null, Map.of("FACETRAIL_DECISION_FALSE_ACCEPT_RATE", "1e-5"), Map.of());
    assertThat(expert.decision().falseAcceptRate()).isEqualTo(1e-5);
    Path file = dir.resolve("fpir.yaml");
    Files.writeString(file, "decision:\n  fpir: 0\n  falseAcceptRate: 1.5\n");
    assertThatThrownBy(() -> MatcherConfig.loader().load(file, Map.of(), Map.of()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("decision.fpir")
        .hasMessageContaining("decision.falseAcceptRate");
  }

  @Test
  void redisPasswordComesFromTheEnvironmentAndIsNeverPrinted() {
    MatcherConfig c =
        MatcherConfig.loader()
            .load(
                null,
                Map.of(
                    "FACETRAIL_GALLERY_REDIS_PASSWORD",
                    "hunter2-secret",
                    "FACETRAIL_GALLERY_REDIS_TLS",
                    "true"),
                Map.of());
    assertThat(c.gallery().redis().password().reveal()).isEqualTo("hunter2-secret");
    assertThat(c.gallery().redis().tls()).isTrue();
    assertThat(c.toString()).doesNotContain("hunter2-secret");
  }

  @Test
  void everyProblemIsReportedAtOnce() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file,
        "decision:\n  falseAcceptRate: 2\n  minGoodFrames: 500\n  maxObservations: 100\ngallery:\n  maxStaleness: 100ms\n");
    assertThatThrownBy(() -> MatcherConfig.loader().load(file, Map.of(), Map.of()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("decision.falseAcceptRate")
        .hasMessageContaining("decision.minGoodFrames")
        .hasMessageContaining("gallery.maxStaleness");
  }

  @Test
  void trainedModelFoldersAreReadAtStartAndEveryBadOneIsReported() throws Exception {
    Path v2 = ModelFolderWriter.model(dir, "v2", "dlib-r29-v1");
    ModelFolderWriter.writeTable(v2, "calibration.json", ModelFolderWriter.table("v2", 0.4));
    Path noModel = Files.createDirectories(dir.resolve("no-model"));
    Path badTable = ModelFolderWriter.model(dir, "v3");
    Files.writeString(badTable.resolve("calibration-v2.json"), "[]");

    MatcherConfig good =
        MatcherConfig.loader()
            .load(null, Map.of("FACETRAIL_GALLERY_MODELS", v2.toString()), Map.of());
    assertThat(good.gallery().models()).containsExactly(v2);
    assertThat(good.withModel(v2).gallery().models()).containsExactly(v2);
    assertThat(good.withModel(badTable).gallery().models()).containsExactly(v2, badTable);

    Path file = dir.resolve("models.yaml");
    Files.writeString(
        file,
        "gallery:\n  models:\n    - "
            + v2
            + "\n    - "
            + noModel
            + "\n    - "
            + badTable
            + "\n    - "
            + dir.resolve("v2-copy")
            + "\n");
    assertThatThrownBy(() -> MatcherConfig.loader().load(file, Map.of(), Map.of()))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("gallery.models[1]")
        .hasMessageContaining("holds no model.json")
        .hasMessageContaining("gallery.models[2]")
        .hasMessageContaining("calibration-v2.json")
        .hasMessageContaining("gallery.models[3]")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("gallery.models[0]"));
  }
}
