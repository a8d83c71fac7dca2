package io.facetrail.matcher.aggregate;

import io.facetrail.contracts.code.FaceCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The few best frames of a track by quality weight, as codes: what the track archive keeps besides
 * the aggregate, so that a search by one photo also finds a track whose mean is pulled away by its
 * worse frames.
 */
final class BestFrames {
  static final int KEPT = 3;

  /** One kept frame. */
  record Frame(double quality, byte[] code) {}

  private final List<Frame> frames = new ArrayList<>(KEPT + 1);

  /**
   * Keeps {@code unit} when it is among the best {@link #KEPT} so far (ties: the earlier stays).
   */
  void offer(double quality, float[] unit) {
    if (frames.size() == KEPT && quality <= frames.get(KEPT - 1).quality()) {
      return;
    }
    add(new Frame(quality, FaceCode.quantise(unit)));
  }

  /** Adds a restored frame in order. */
  void add(Frame f) {
    int at = 0;
    while (at < frames.size() && frames.get(at).quality() >= f.quality()) {
      at++;
    }
    frames.add(at, f);
    if (frames.size() > KEPT) {
      frames.remove(KEPT);
    }
  }

  List<Frame> frames() {
    return List.copyOf(frames);
  }

  List<byte[]> codes() {
    return frames.stream().map(f -> f.code().clone()).toList();
  }
}
