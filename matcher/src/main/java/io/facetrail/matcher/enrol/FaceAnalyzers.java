package io.facetrail.matcher.enrol;

import io.facetrail.runtime.cli.UserFacingException;
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
   * @throws UserFacingException when no face-model pipeline is available
   */
  public static FaceAnalyzer open() {
    for (Factory f : ServiceLoader.load(Factory.class)) {
      return f.create();
    }
    throw new UserFacingException(
        "photo analysis needs the face-model pipeline (detector, landmarks, alignment, embedding),"
            + " which this build does not include yet; gallery commands that take no photo work");
  }
}
