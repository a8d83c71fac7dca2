package io.facetrail.tracker.track;

import io.facetrail.tracker.box.BoundingBox;
import io.facetrail.tracker.kalman.KalmanState;

/** One track of a {@link FaceTracker}: its motion state, appearance and lifecycle counters. */
public final class Track {
  private final long number;
  private KalmanState motion;
  private float[] appearance;
  private TrackPhase phase;
  private int hits;
  private long lastSeenUs;
  private BoundingBox lastBox;
  private float bestScore;

  /**
   * Creates or restores a track.
   *
   * @param number the track's number within its stream run, unique there
   * @param appearance running mean embedding (taken over, not copied), or null when unknown
   * @param hits frames matched so far
   * @param lastSeenUs media time of the last matched detection
   * @param lastBox the last matched detection's box
   * @param bestScore the highest detection score among its matched detections
   */
  public Track(
      long number,
      TrackPhase phase,
      KalmanState motion,
      float[] appearance,
      int hits,
      long lastSeenUs,
      BoundingBox lastBox,
      float bestScore) {
    this.number = number;
    this.phase = phase;
    this.motion = motion;
    this.appearance = appearance;
    this.hits = hits;
    this.lastSeenUs = lastSeenUs;
    this.lastBox = lastBox;
    this.bestScore = bestScore;
  }

  public long number() {
    return number;
  }

  public TrackPhase phase() {
    return phase;
  }

  public KalmanState motion() {
    return motion;
  }

  /** The running mean embedding (live, not a copy), or null. */
  public float[] appearance() {
    return appearance;
  }

  public int hits() {
    return hits;
  }

  public long lastSeenUs() {
    return lastSeenUs;
  }

  public BoundingBox lastBox() {
    return lastBox;
  }

  /** The highest detection score among the track's matched detections. */
  public float bestScore() {
    return bestScore;
  }

  public boolean isConfirmed() {
    return phase != TrackPhase.TENTATIVE;
  }

  void phase(TrackPhase phase) {
    this.phase = phase;
  }

  /**
   * Continues this (lost) track with the motion and latest sighting of a new track found to be the
   * same face, which is then dropped.
   */
  void resume(Track newer, float[] seen, double momentum) {
    motion = newer.motion;
    hits += newer.hits;
    bestScore = Math.max(bestScore, newer.bestScore);
    lastSeenUs = newer.lastSeenUs;
    lastBox = newer.lastBox;
    phase = TrackPhase.CONFIRMED;
    see(seen, momentum);
  }

  /**
   * Takes a face code seen on this track into its appearance: the running mean, or the first code
   * when the track began on faces too poor to have one. Null (no usable code) changes nothing.
   */
  void see(float[] seen, double momentum) {
    if (seen == null) {
      return;
    }
    if (appearance == null) {
      appearance = seen.clone();
    } else {
      Appearance.blend(appearance, seen, momentum);
    }
  }

  void hit(long timeUs, BoundingBox box, float score) {
    hits++;
    bestScore = Math.max(bestScore, score);
    lastSeenUs = timeUs;
    lastBox = box;
  }

  @Override
  public String toString() {
    return "Track[" + number + " " + phase + ", hits=" + hits + ", lastSeen=" + lastSeenUs + "us]";
  }
}
