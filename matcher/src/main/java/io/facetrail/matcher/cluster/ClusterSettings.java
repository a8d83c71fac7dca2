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
 * @param minFaceHeightPx the face quality floor: tracks whose measured good frames are on average
 *     smaller than this are not clustered, nor enrolled from (0: no floor; tracks without measures
 *     pass only then). Two poor faces sit close together whoever they are, so the calibration's
 *     thresholds, measured on good photos, do not hold between them
 * @param minSharpness as {@code minFaceHeightPx}, for the mean sharpness
 */
public record ClusterSettings(
    boolean enabled,
    double linkFpir,
    int minGoodFrames,
    int neighbours,
    double minFaceHeightPx,
    double minSharpness)
    implements Validated {
  /** Settings without a face quality floor. */
  public ClusterSettings(boolean enabled, double linkFpir, int minGoodFrames, int neighbours) {
    this(enabled, linkFpir, minGoodFrames, neighbours, 0, 0);
  }

  /** Whether a track of these frames and face measures is good enough to cluster or enrol. */
  public boolean goodEnough(int goodFrames, double faceHeightPx, double sharpness) {
    if (goodFrames < minGoodFrames) {
      return false;
    }
    if (minFaceHeightPx > 0 && !(faceHeightPx >= minFaceHeightPx)) {
      return false;
    }
    return !(minSharpness > 0 && !(sharpness >= minSharpness));
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.require(
        linkFpir > 0 && linkFpir < 1,
        ConfigProblems.path(path, "linkFpir"),
        "must be between 0 and 1 (exclusive)");
    problems.range(minGoodFrames, 1, 1_000, ConfigProblems.path(path, "minGoodFrames"));
    problems.range(neighbours, 1, 1_000, ConfigProblems.path(path, "neighbours"));
    problems.range(minFaceHeightPx, 0, 10_000, ConfigProblems.path(path, "minFaceHeightPx"));
    problems.range(minSharpness, 0, 1_000, ConfigProblems.path(path, "minSharpness"));
  }

  /** The defaults (see matcher/README.md, "Clusters of unknown faces", for how they were set). */
  public static ClusterSettings defaults() {
    return new ClusterSettings(true, 1e-3, 3, 32, 0, 0);
  }
}
