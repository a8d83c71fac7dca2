package io.facetrail.evaluation.identification;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where LFW and the cache of its codes are, for the commands that measure decisions on LFW codes
 * ({@code eval identification}, {@code eval calibrate-tracks}): one picocli mixin, one default.
 */
final class LfwCodeOptions {
  @Option(
      names = "--lfw",
      required = true,
      paramLabel = "DIR",
      description = "LFW root (holds lfw-deepfunneled/ and pairs.txt)")
  Path lfw;

  @Option(
      names = "--cache",
      paramLabel = "FILE",
      description =
          "Code cache, shared by eval identification and calibrate-tracks; computed where missing"
              + " (default: ~/.cache/facetrail/lfw-identification.faces)")
  Path cache;

  Path lfw() {
    return lfw;
  }

  /** The code cache file, the default when none was given. */
  Path cacheFile() {
    return cache != null
        ? cache
        : Path.of(
            System.getProperty("user.home"), ".cache", "facetrail", "lfw-identification.faces");
  }
}
