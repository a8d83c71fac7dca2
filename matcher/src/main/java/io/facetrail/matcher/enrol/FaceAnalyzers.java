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
    return open(embeddingModel, 0);
  }

  /**
   * As {@link #open(Path)}, averaging {@code jitter} jittered chips into each face's code ({@link
   * FacePipelineSettings#jitter}); a registered factory (tests) ignores it.
   */
  public static FaceAnalyzer open(Path embeddingModel, int jitter) {
    for (Factory f : ServiceLoader.load(Factory.class)) {
      return f.create();
    }
    FacePipelineSettings settings =
        FacePipelineSettings.forPhotos().withEmbeddingModel(embeddingModel).withJitter(jitter);
    settings.validated();
    try {
      return new PipelineFaceAnalyzer(FacePipeline.create(settings));
    } catch (RuntimeException e) {
      throw new UserFacingException(
          "cannot start the face models (run `facetrail models fetch` first?): " + e.getMessage(),
          e);
    }
  }
}
