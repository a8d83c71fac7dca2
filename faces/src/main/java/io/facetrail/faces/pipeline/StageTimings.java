package io.facetrail.faces.pipeline;

/**
 * Wall-clock time spent per stage of one pipeline call, in nanoseconds, for metrics.
 *
 * @param decodeNanos decoding encoded images (0 when images came decoded)
 * @param detectNanos face detection
 * @param landmarkNanos landmark network
 * @param alignNanos cutting aligned chips and scoring quality
 * @param embedNanos embedding network (including the mirrored pass) and quantisation
 */
public record StageTimings(
    long decodeNanos, long detectNanos, long landmarkNanos, long alignNanos, long embedNanos) {
  public static final StageTimings ZERO = new StageTimings(0, 0, 0, 0, 0);

  public long totalNanos() {
    return decodeNanos + detectNanos + landmarkNanos + alignNanos + embedNanos;
  }

  public StageTimings plus(StageTimings o) {
    return new StageTimings(
        decodeNanos + o.decodeNanos,
        detectNanos + o.detectNanos,
        landmarkNanos + o.landmarkNanos,
        alignNanos + o.alignNanos,
        embedNanos + o.embedNanos);
  }

  StageTimings withDecode(long nanos) {
    return new StageTimings(nanos, detectNanos, landmarkNanos, alignNanos, embedNanos);
  }
}
