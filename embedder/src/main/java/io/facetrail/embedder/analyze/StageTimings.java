package io.facetrail.embedder.analyze;

/**
 * Time one frame spent in each stage, in nanoseconds. For stages run on a whole batch the batch's
 * time is shared out evenly among its frames.
 */
public record StageTimings(long decodeNanos, long detectNanos, long alignNanos, long embedNanos) {
  public static final StageTimings ZERO = new StageTimings(0, 0, 0, 0);
}
