package io.facetrail.matcher.cluster;

import io.facetrail.matcher.archive.FaceQuality;
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
 * @param joinShare the share of a cluster's tracks a newcomer must link to for it to join that
 *     cluster, and the share of two clusters' cross pairs that must link for a newcomer to merge
 *     them (0: one link is enough, single linkage). Against chaining: one close pair between two
 *     people otherwise joins everything both were linked to
 * @param minGoodFrames the quality floor: tracks with fewer good frames are not clustered (their
 *     aggregate is too noisy to link safely)
 * @param neighbours nearest tracks examined per new track (links are looked for among them)
 * @param minFaceHeightPx face quality floors, on the means of a track's measured good frames
 *     ({@link FaceQuality}): tracks below any of them are neither clustered nor enrolled from (0:
 *     no floor; tracks without measures pass only when every floor is 0). Two poor faces sit close
 *     together whoever they are, so the calibration's thresholds, measured on good photos, do not
 *     hold between them (evaluation/README.md, "Both faces degraded")
 * @param minSharpness the floor on mean sharpness
 * @param minBrightness the floor on mean brightness (grey level of the aligned chip)
 */
public record ClusterSettings(
    boolean enabled,
    double linkFpir,
    double joinShare,
    int minGoodFrames,
    int neighbours,
    double minFaceHeightPx,
    double minSharpness,
    double minBrightness)
    implements Validated {
  /** Single linkage without face quality floors. */
  public ClusterSettings(boolean enabled, double linkFpir, int minGoodFrames, int neighbours) {
    this(enabled, linkFpir, 0, minGoodFrames, neighbours, 0, 0, 0);
  }

  /** These settings at another link FPIR. */
  public ClusterSettings withLinkFpir(double rate) {
    return new ClusterSettings(
        enabled,
        rate,
        joinShare,
        minGoodFrames,
        neighbours,
        minFaceHeightPx,
        minSharpness,
        minBrightness);
  }

  /** These settings with another join share. */
  public ClusterSettings withJoinShare(double share) {
    return new ClusterSettings(
        enabled,
        linkFpir,
        share,
        minGoodFrames,
        neighbours,
        minFaceHeightPx,
        minSharpness,
        minBrightness);
  }

  /** These settings with other face quality floors. */
  public ClusterSettings withFloors(
      int goodFrames, double faceHeightPx, double sharpness, double brightness) {
    return new ClusterSettings(
        enabled, linkFpir, joinShare, goodFrames, neighbours, faceHeightPx, sharpness, brightness);
  }

  /** Whether a track of these good frames and faces is good enough to cluster or enrol from. */
  public boolean goodEnough(int goodFrames, FaceQuality faces) {
    return goodFrames >= minGoodFrames
        && atLeast(faces.heightPx(), minFaceHeightPx)
        && atLeast(faces.sharpness(), minSharpness)
        && atLeast(faces.brightness(), minBrightness);
  }

  /** A value at or above its floor; NaN (not measured) passes only a floor of 0. */
  private static boolean atLeast(double value, double floor) {
    return floor <= 0 || value >= floor;
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.require(
        linkFpir > 0 && linkFpir < 1,
        ConfigProblems.path(path, "linkFpir"),
        "must be between 0 and 1 (exclusive)");
    problems.range(joinShare, 0, 1, ConfigProblems.path(path, "joinShare"));
    problems.range(minGoodFrames, 1, 1_000, ConfigProblems.path(path, "minGoodFrames"));
    problems.range(neighbours, 1, 1_000, ConfigProblems.path(path, "neighbours"));
    problems.range(minFaceHeightPx, 0, 10_000, ConfigProblems.path(path, "minFaceHeightPx"));
    problems.range(minSharpness, 0, 1_000, ConfigProblems.path(path, "minSharpness"));
    problems.range(minBrightness, 0, 255, ConfigProblems.path(path, "minBrightness"));
  }

  /**
   * The defaults (matcher/README.md, "Clusters of unknown faces"): the link FPIR and join share
   * with the best BCubed F at precision >= 0.98 on both tuning halves of `eval clusters` (seeds 1
   * and 2); floors where false accepts between two degraded LFW faces stay within 3x the calibrated
   * rate at FAR 1e-3, on both halves of `eval quality`'s identities pooled.
   */
  public static ClusterSettings defaults() {
    return new ClusterSettings(true, 3e-3, 0.5, 3, 32, 28, 0.008, 35);
  }
}
