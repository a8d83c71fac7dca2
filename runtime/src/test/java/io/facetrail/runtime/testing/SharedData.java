package io.facetrail.runtime.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the shared test data (LFW, the real video clips) that is not part of the repository.
 *
 * <p>Looked up in order: the environment variable ({@code FACETRAIL_LFW_DIR}, {@code
 * FACETRAIL_VIDEOS_DIR}), then {@code FACETRAIL_SHARED_DIR}, then {@code ../shared} next to the
 * repository. Without the data, tests skip with a message naming what is missing; under CI the skip
 * is a failure ({@link Skips}), so that CI can never pass without having run them.
 */
public final class SharedData {
  public static final String REQUIRE_ENV = "FACETRAIL_REQUIRE_SHARED_DATA";

  private SharedData() {}

  /** The LFW root: holds {@code lfw-deepfunneled/} and {@code pairs.txt}. */
  public static Optional<Path> lfw() {
    return locate("FACETRAIL_LFW_DIR", "datasets/lfw", "pairs.txt");
  }

  /** The folder of shared videos (e.g. {@code opera-house-pedestrians-1080p.mp4}). */
  public static Optional<Path> videos() {
    return locate("FACETRAIL_VIDEOS_DIR", "videos", "opera-house-pedestrians-1080p.mp4");
  }

  /** The LFW root, or skips (fails under CI) the calling test. */
  public static Path requireLfw() {
    return require(lfw(), "LFW (set FACETRAIL_LFW_DIR to the folder holding pairs.txt)");
  }

  /** A shared video file by name, or skips (fails under CI) the calling test. */
  public static Path requireVideo(String name) {
    Optional<Path> file = videos().map(d -> d.resolve(name)).filter(Files::isRegularFile);
    return require(file, "video " + name + " (set FACETRAIL_VIDEOS_DIR to its folder)");
  }

  private static Path require(Optional<Path> found, String what) {
    if (found.isPresent()) {
      return found.get();
    }
    Skips.skip("shared test data not found: " + what);
    throw new AssertionError("unreachable: Skips.skip always throws");
  }

  private static Optional<Path> locate(String env, String relative, String marker) {
    String direct = System.getenv(env);
    if (direct != null && !direct.isBlank()) {
      return Optional.of(Path.of(direct)).filter(p -> Files.exists(p.resolve(marker)));
    }
    String shared = System.getenv("FACETRAIL_SHARED_DIR");
    if (shared != null && !shared.isBlank()) {
      return Optional.of(Path.of(shared, relative)).filter(p -> Files.exists(p.resolve(marker)));
    }
    // Tests run with the module folder as working directory: the repository is its parent.
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("../shared").resolve(relative).normalize();
      if (Files.exists(candidate.resolve(marker))) {
        return Optional.of(candidate);
      }
      if (Files.exists(dir.resolve("mvnw"))) {
        break;
      }
    }
    return Optional.empty();
  }
}
