package io.facetrail.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.facetrail.embedder.config.DetectionProfile;
import io.facetrail.faces.trained.ModelMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's matcher knows the embedder's trained model, so its codes meet a v1 gallery. */
class EmbeddingModelPlanTest {
  @TempDir Path dir;

  private RunPlan plan(Map<String, String> env) {
    return TestPlans.plan(dir, DetectionProfile.ACCURATE, env);
  }

  private Path v2Folder() throws Exception {
    Path v2 = Files.createDirectories(dir.resolve("dlib-r29-crop104-v2-test"));
    ModelMetadata m =
        new ModelMetadata(
            "dlib-r29-crop104-v2-test",
            "dlib-r29-v1",
            104,
            "crop",
            2,
            "params.bin",
            List.of("dlib-r29-v1"),
            List.of());
    Files.writeString(v2.resolve(ModelMetadata.FILE_NAME), m.toJson().toString());
    Files.write(v2.resolve("params.bin"), new byte[] {0});
    return v2;
  }

  @Test
  void theEmbeddersModelFolderIsAmongTheMatchersModels() throws Exception {
    Path v2 = v2Folder();
    RunPlan p = plan(Map.of("FACETRAIL_FACES_EMBEDDING_MODEL", v2.toString()));
    assertThat(p.embedder().faces().embeddingModel()).isEqualTo(v2);
    assertThat(p.matcher().gallery().models()).containsExactly(v2);
  }

  @Test
  void withoutATrainedEmbedderTheMatcherHasNoModels() {
    assertThat(plan(Map.of()).matcher().gallery().models()).isEmpty();
  }

  @Test
  void runsModelOptionSetsTheEmbeddersModelAndTheMatchersModels() throws Exception {
    Path v2 = v2Folder();
    RunPlan p = TestPlans.plan(dir, DetectionProfile.ACCURATE, Map.of(), v2);
    assertThat(p.embedder().faces().embeddingModel()).isEqualTo(v2);
    assertThat(p.matcher().gallery().models()).containsExactly(v2);
  }
}
