package io.facetrail.matcher.cluster;

import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;

/**
 * How unknown tracks are clustered.
 *
 * @param enabled whether unknown tracks are clustered at all (needs the track archive)
 * @param linkFpir the chance that a track of somebody new links to a track of somebody else: two
 *     tracks link when their aggregates are closer than the calibration's threshold for this
 *     false-positive identification rate against all clustered tracks of their model (the FPIR rule
 *     of identity decisions, with the clustered tracks as the gallery)
 * @param minGoodFrames the quality floor: tracks with fewer good frames are not clustered (their
 *     aggregate is too noisy to link safely)
 * @param neighbours nearest tracks examined per new track (links are looked for among them)
 */
public record ClusterSettings(boolean enabled, double linkFpir, int minGoodFrames, int neighbours)
    implements Validated {
  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.require(
        linkFpir > 0 && linkFpir < 1,
        ConfigProblems.path(path, "linkFpir"),
        "must be between 0 and 1 (exclusive)");
    problems.range(minGoodFrames, 1, 1_000, ConfigProblems.path(path, "minGoodFrames"));
    problems.range(neighbours, 1, 1_000, ConfigProblems.path(path, "neighbours"));
  }

  /** The defaults (see matcher/README.md, "Clusters of unknown faces", for how they were set). */
  public static ClusterSettings defaults() {
    return new ClusterSettings(true, 1e-3, 3, 32);
  }
}
