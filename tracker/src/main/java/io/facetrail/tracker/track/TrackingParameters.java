package io.facetrail.tracker.track;

import io.facetrail.runtime.config.ConfigProblems;
import io.facetrail.runtime.config.Validated;
import io.facetrail.tracker.kalman.MotionNoise;
import java.time.Duration;

/**
 * Every setting of the association and the track lifecycle. The defaults and the reasons for them
 * are in {@code tracker/README.md} and in {@code tracker-defaults.yaml}.
 *
 * @param highScore detections at or above this score take part in the first matching stage
 * @param lowScore detections between this and {@code highScore} only keep existing tracks alive
 * @param newTrackScore an unmatched detection starts a (tentative) track only at or above this
 *     score; one below {@code highScore} only where no track is predicted ({@code minIou})
 * @param minHits consecutive matched frames before a track with a detection at or above {@code
 *     highScore} is confirmed and published
 * @param lowConfirmHits consecutive matched frames before a track whose detections all scored below
 *     {@code highScore} (a turned, dim or small face) is confirmed: the longer run is what keeps
 *     flickering false detections out
 * @param maxLostAge how long a confirmed track may go unseen before it ends
 * @param minIou stage-one motion gate: overlap with the predicted box that admits a pair
 * @param motionGate stage-one motion gate: squared Mahalanobis distance that admits a pair even
 *     without overlap (fast motion, long gaps); 13.28 is the 99% quantile of chi² with 4 degrees
 * @param lowScoreMinIou overlap a weak detection needs with a track's prediction
 * @param appearanceGate largest face-code distance (unit embeddings, 0..2) of a stage-one pair; no
 *     more than the matcher's decision threshold, so a face extends a track only when its code
 *     would be called the same person
 * @param appearanceMinQuality a face below this quality (0..1, the embedder's score) has a code too
 *     unreliable to vouch for who it is: it extends a track only by unambiguous motion continuity
 *     (the track seen in the previous frame, overlap at least {@code lowScoreMinIou}, no other
 *     track or face in that overlap)
 * @param motionWeight share of motion (1 - IoU) in the stage-one cost; the rest is appearance
 *     distance divided by {@code appearanceGate}
 * @param reidDistance largest face-code distance at which a track left unmatched by motion (mostly
 *     a lost one) takes a detection anywhere in the frame
 * @param reidMaxScaleChange largest ratio of box heights between a track's last box and a
 *     re-identified detection
 * @param appearanceMomentum weight of the old mean when a track's appearance is updated
 * @param accelerationStd Kalman process noise of the centre, box heights per s²
 * @param sizeAccelerationStd Kalman process noise of width and height, heights per s²
 * @param measurementStd detector jitter, in box heights
 * @param initialVelocityStd velocity uncertainty of a new track, heights per second
 */
public record TrackingParameters(
    double highScore,
    double lowScore,
    double newTrackScore,
    int minHits,
    int lowConfirmHits,
    Duration maxLostAge,
    double minIou,
    double motionGate,
    double lowScoreMinIou,
    double appearanceGate,
    double appearanceMinQuality,
    double motionWeight,
    double reidDistance,
    double reidMaxScaleChange,
    double appearanceMomentum,
    double accelerationStd,
    double sizeAccelerationStd,
    double measurementStd,
    double initialVelocityStd)
    implements Validated {

  /** The defaults (the same values as the service's {@code tracker-defaults.yaml}). */
  public static TrackingParameters defaults() {
    MotionNoise noise = MotionNoise.defaults();
    return new TrackingParameters(
        0.5,
        0.1,
        0.3,
        3,
        5,
        Duration.ofSeconds(5),
        0.2,
        13.28,
        0.5,
        0.38,
        0.3,
        0.5,
        0.35,
        2.0,
        0.9,
        noise.accelerationStd(),
        noise.sizeAccelerationStd(),
        noise.measurementStd(),
        noise.initialVelocityStd());
  }

  /** The Kalman filter's noise levels. */
  public MotionNoise motionNoise() {
    return new MotionNoise(
        accelerationStd, sizeAccelerationStd, measurementStd, initialVelocityStd);
  }

  /** {@link #maxLostAge} in microseconds of media time. */
  public long maxLostAgeUs() {
    return maxLostAge.toNanos() / 1_000;
  }

  /** Throws {@link IllegalArgumentException} listing every problem (for library callers). */
  public TrackingParameters requireValid() {
    ConfigProblems problems = new ConfigProblems();
    validate(problems, "tracking");
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems.list()));
    }
    return this;
  }

  @Override
  public void validate(ConfigProblems p, String path) {
    p.range(lowScore, 0, 1, ConfigProblems.path(path, "lowScore"));
    p.range(highScore, 0, 1, ConfigProblems.path(path, "highScore"));
    p.range(newTrackScore, 0, 1, ConfigProblems.path(path, "newTrackScore"));
    p.require(
        lowScore <= highScore,
        ConfigProblems.path(path, "lowScore"),
        "is above highScore (" + highScore + ")");
    p.require(
        newTrackScore >= lowScore,
        ConfigProblems.path(path, "newTrackScore"),
        "is below lowScore (" + lowScore + ")");
    p.range(minHits, 1, 1000, ConfigProblems.path(path, "minHits"));
    p.require(
        lowConfirmHits >= minHits && lowConfirmHits <= 1000,
        ConfigProblems.path(path, "lowConfirmHits"),
        "must be between minHits (" + minHits + ") and 1000");
    p.required(maxLostAge, ConfigProblems.path(path, "maxLostAge"));
    if (maxLostAge != null) {
      p.require(
          !maxLostAge.isNegative() && maxLostAge.compareTo(Duration.ofHours(1)) <= 0,
          ConfigProblems.path(path, "maxLostAge"),
          "is " + maxLostAge + ", must be between 0 and 1h");
    }
    p.range(minIou, 0, 1, ConfigProblems.path(path, "minIou"));
    p.range(motionGate, 0, 1e6, ConfigProblems.path(path, "motionGate"));
    p.range(lowScoreMinIou, 0, 1, ConfigProblems.path(path, "lowScoreMinIou"));
    p.range(appearanceGate, 1e-3, 2, ConfigProblems.path(path, "appearanceGate"));
    p.range(appearanceMinQuality, 0, 1, ConfigProblems.path(path, "appearanceMinQuality"));
    p.range(motionWeight, 0, 1, ConfigProblems.path(path, "motionWeight"));
    p.range(reidDistance, 0, 2, ConfigProblems.path(path, "reidDistance"));
    p.range(reidMaxScaleChange, 1, 100, ConfigProblems.path(path, "reidMaxScaleChange"));
    p.range(appearanceMomentum, 0, 1, ConfigProblems.path(path, "appearanceMomentum"));
    positive(p, accelerationStd, ConfigProblems.path(path, "accelerationStd"));
    positive(p, sizeAccelerationStd, ConfigProblems.path(path, "sizeAccelerationStd"));
    positive(p, measurementStd, ConfigProblems.path(path, "measurementStd"));
    positive(p, initialVelocityStd, ConfigProblems.path(path, "initialVelocityStd"));
  }

  private static void positive(ConfigProblems p, double v, String path) {
    p.require(v > 0 && v < 1e6, path, "is " + v + ", must be positive");
  }
}
