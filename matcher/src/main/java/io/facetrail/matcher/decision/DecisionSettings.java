package io.facetrail.matcher.decision;

import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import java.time.Duration;

/**
 * Parameters of identity decisions.
 *
 * @param maxObservations N: good observations averaged into a track's aggregate (the first N)
 * @param minGoodFrames M: good observations needed before a track may be identified
 * @param minQuality observations without measures (older embedders) or of a model without a quality
 *     gate table whose quality score (0..1) is below this do not enter the aggregate
 * @param fpir the false-positive identification rate per track decision: the share of decisions
 *     about never-enrolled persons that may name somebody. The threshold follows the gallery size
 *     ({@link OpenSetRule}, the model's calibration table); no raw distances in configuration
 * @param falseAcceptRate expert setting, null by default: a fixed per-comparison false-accept rate
 *     whose calibrated threshold decides whatever the gallery size; when set it overrides {@code
 *     fpir}
 * @param marginRatio the best person's distance must be at most this fraction of the second-best
 *     person's distance (1 disables the margin)
 * @param changeHysteresis consecutive evaluations that must point to another person before an
 *     identified track changes person
 * @param unknownRetention how long aggregates (and best-face thumbnails) of unknown tracks are kept
 *     for clustering
 * @param idleTrackTimeout a track without any record for this long is closed as if it had ended
 *     (its end record was lost, e.g. with its tracker), so no aggregate outlives its retention
 * @param qualityFloor expert setting, null by default: the minimum measured genuine acceptance of a
 *     face's size, brightness, yaw and sharpness buckets for it to count toward a decision
 *     (faces.quality.QualityGate); null uses the floor shipped in the model's gate table
 */
public record DecisionSettings(
    int maxObservations,
    int minGoodFrames,
    double minQuality,
    double fpir,
    Double falseAcceptRate,
    double marginRatio,
    int changeHysteresis,
    Duration unknownRetention,
    Duration idleTrackTimeout,
    Double qualityFloor)
    implements Validated {

  /** The default FPIR per track decision: one stranger track in 100 named (matcher/README.md). */
  public static final double DEFAULT_FPIR = 1e-2;

  /** The built-in defaults (also in the matcher's defaults YAML). */
  public static DecisionSettings defaults() {
    return new DecisionSettings(
        100, 3, 0.3, DEFAULT_FPIR, null, 0.9, 3, Duration.ofDays(30), Duration.ofMinutes(10), null);
  }

  /** These settings with another false-positive identification rate per decision. */
  public DecisionSettings withFpir(double newFpir) {
    return new DecisionSettings(
        maxObservations,
        minGoodFrames,
        minQuality,
        newFpir,
        falseAcceptRate,
        marginRatio,
        changeHysteresis,
        unknownRetention,
        idleTrackTimeout,
        qualityFloor);
  }

  /** These settings with the expert per-comparison FAR set (null: the FPIR rules again). */
  public DecisionSettings withFalseAcceptRate(Double far) {
    return new DecisionSettings(
        maxObservations,
        minGoodFrames,
        minQuality,
        fpir,
        far,
        marginRatio,
        changeHysteresis,
        unknownRetention,
        idleTrackTimeout,
        qualityFloor);
  }

  @Override
  public void validate(ConfigProblems problems, String path) {
    problems.range(maxObservations, 1, 10_000, ConfigProblems.path(path, "maxObservations"));
    problems.range(minGoodFrames, 1, 10_000, ConfigProblems.path(path, "minGoodFrames"));
    problems.require(
        minGoodFrames <= maxObservations,
        ConfigProblems.path(path, "minGoodFrames"),
        "must not exceed maxObservations (" + maxObservations + ")");
    problems.range(minQuality, 0.0, 1.0, ConfigProblems.path(path, "minQuality"));
    problems.require(
        fpir > 0 && fpir < 1,
        ConfigProblems.path(path, "fpir"),
        "must be between 0 and 1 (exclusive), e.g. 1e-2 (one stranger track in 100 named)");
    problems.require(
        falseAcceptRate == null || (falseAcceptRate > 0 && falseAcceptRate < 1),
        ConfigProblems.path(path, "falseAcceptRate"),
        "must be between 0 and 1 (exclusive), e.g. 1e-5, or left out (then fpir decides)");
    problems.require(
        marginRatio > 0 && marginRatio <= 1,
        ConfigProblems.path(path, "marginRatio"),
        "must be in (0, 1]");
    problems.require(
        qualityFloor == null || (qualityFloor >= 0 && qualityFloor <= 1),
        ConfigProblems.path(path, "qualityFloor"),
        "must be in 0..1 (a measured acceptance), or left out (then the gate table's floor)");
    problems.range(changeHysteresis, 1, 1_000, ConfigProblems.path(path, "changeHysteresis"));
    problems.require(
        unknownRetention != null && !unknownRetention.isNegative() && !unknownRetention.isZero(),
        ConfigProblems.path(path, "unknownRetention"),
        "must be positive");
    problems.require(
        idleTrackTimeout != null && idleTrackTimeout.compareTo(Duration.ofSeconds(10)) >= 0,
        ConfigProblems.path(path, "idleTrackTimeout"),
        "must be at least 10s");
  }
}
