package io.facetrail.tracker.session;

/**
 * Track ids: {@code <stream id>/r<run>/t<number>}. The run counts the stream's end-of-stream
 * records, the number counts tracks within a run, and both live in the changelogged state, so an id
 * is never reused, not after a restart, a rebalance or a replay of the same stream id. Parsing from
 * the end keeps ids unambiguous even when stream ids contain slashes.
 */
public final class TrackIds {
  private TrackIds() {}

  public static String of(String streamId, long run, long number) {
    return streamId + "/r" + run + "/t" + number;
  }
}
