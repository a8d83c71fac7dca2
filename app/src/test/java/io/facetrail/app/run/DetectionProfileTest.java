package io.facetrail.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.embedder.config.DetectionProfile;
import io.facetrail.faces.pipeline.DetectorKind;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionProfileTest {
  @TempDir Path dir;

  private FacePipelineSettings faces(DetectionProfile profile, Map<String, String> env) {
    return TestPlans.plan(dir, profile, env).embedder().faces();
  }

  @Test
  void accurateIsTheEmbeddersDefault() {
    FacePipelineSettings f = faces(DetectionProfile.ACCURATE, Map.of());
    assertThat(f.detector()).isEqualTo(DetectorKind.SSD);
    assertThat(f.tiling()).isTrue();
    assertThat(f.minFaceSize()).isEqualTo(32);
  }

  @Test
  void fastIsOneWholeFramePass() {
    FacePipelineSettings f = faces(DetectionProfile.FAST, Map.of());
    assertThat(f.detector()).isEqualTo(DetectorKind.SSD);
    assertThat(f.tiling()).isFalse();
    assertThat(f.minScore()).isEqualTo(0.3);
  }

  @Test
  void otherFaceSettingsStillComeFromTheEnvironment() {
    FacePipelineSettings f =
        faces(DetectionProfile.FAST, Map.of("FACETRAIL_FACES_ALIGNMENT", "FIVE_POINT"));
    assertThat(f.alignment().name()).isEqualTo("FIVE_POINT");
    assertThat(f.tiling()).isFalse();
  }
}
