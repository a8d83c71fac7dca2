package io.facetrail.tracker.session;

import io.facetrail.contracts.proto.FrameTime;
import io.facetrail.contracts.proto.TrackObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a session remembers about one track beyond its motion and appearance: when it started and
 * was last seen, how many observations it has, its best quality so far, and the observations held
 * back until it is confirmed.
 */
public final class TrackLedger {
  private final FrameTime first;
  private final Map<String, String> labels;
  private final List<TrackObservation> pending;
  private FrameTime last;
  private long observations;
  private float bestQuality;

  /**
   * @param labels the stream's labels when the track started
   * @param bestQuality quality of the best face so far, negative when none
   */
  public TrackLedger(
      FrameTime first,
      FrameTime last,
      Map<String, String> labels,
      long observations,
      float bestQuality,
      List<TrackObservation> pending) {
    this.first = first;
    this.last = last;
    this.labels = Map.copyOf(labels);
    this.observations = observations;
    this.bestQuality = bestQuality;
    this.pending = new ArrayList<>(pending);
  }

  static TrackLedger startingAt(FrameTime at, Map<String, String> labels) {
    return new TrackLedger(at, at, labels, 0, -1, List.of());
  }

  public FrameTime first() {
    return first;
  }

  public FrameTime last() {
    return last;
  }

  public Map<String, String> labels() {
    return labels;
  }

  /** Observations made so far (published or pending): the next observation's index. */
  public long observations() {
    return observations;
  }

  public float bestQuality() {
    return bestQuality;
  }

  /** Observations of a track not confirmed yet, oldest first. */
  public List<TrackObservation> pending() {
    return List.copyOf(pending);
  }

  long nextIndex(FrameTime at) {
    last = at;
    return observations++;
  }

  void hold(TrackObservation observation) {
    pending.add(observation);
  }

  List<TrackObservation> release() {
    List<TrackObservation> out = List.copyOf(pending);
    pending.clear();
    return out;
  }

  boolean improvesBest(float quality) {
    if (quality > bestQuality) {
      bestQuality = quality;
      return true;
    }
    return false;
  }
}
