package io.facetrail.matcher.enrol;

import io.facetrail.faces.pipeline.FacePipeline;
import io.facetrail.faces.pipeline.FacePipelineSettings;
import io.facetrail.runtime.cli.UserFacingException;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * Finds the {@link FaceAnalyzer} of this build through {@link ServiceLoader}: the face-model
 * library adapter registers a {@link Factory}. Without one, the photo tools explain what is
 * missing.
 */
public final class FaceAnalyzers {
  private FaceAnalyzers() {}

  /** Creates analyzers; registered in {@code META-INF/services}. */
  public interface Factory {
    FaceAnalyzer create();
  }

  /**
   * The analyzer of this build.
   *
   * @throws UserFacingException when the face models cannot be loaded
   */
  public static FaceAnalyzer open() {
    return open(null);
  }

  /**
   * The analyzer of this build, embedding with the trained model in {@code embeddingModel} (null:
   * v1). A registered factory (tests) takes no model.
   *
   * @throws UserFacingException when the face models cannot be loaded
   */
  public static FaceAnalyzer open(Path embeddingModel) {
    for (Factory f : ServiceLoader.load(Factory.class)) {
      return f.create();
    }
    try {
      return new PipelineFaceAnalyzer(
          FacePipeline.create(FacePipelineSettings.defaults().withEmbeddingModel(embeddingModel)));
    } catch (RuntimeException e) {
      throw new UserFacingException(
          "cannot start the face models (run `facetrail models fetch` first?): " + e.getMessage(),
          e);
    }
  }
}
