package io.facetrail.ingest.engine;

import java.time.Duration;

/**
 * A live stream's interruptions as its decoder thread sees them: the consecutive failed attempts,
 * which set the back-off and decide when to give up, and the gap in frames that each interruption
 * leaves, reported with the first frame after it.
 *
 * <p>The count of failures starts again when a connection that fails had delivered frames for at
 * least {@code healthyAfter} (the stall timeout: it outlived one stall window). So a camera that
 * drops once an hour never creeps towards {@code maxAttempts} or the longest back-off, while one
 * that gives a moment of video after each connect and then fails again backs off further each time
 * and, with a limit, gives up. Not thread-safe: the decoder thread alone uses it.
 */
final class Interruptions {
  private final long healthyAfterNanos;
  private int failedAttempts;
  private int failuresSinceFrame;
  private String cause;
  private boolean anyFrame;
  private long lastFrameNanos;
  private boolean connectionHasFrame;
  private long connectionFirstFrameNanos;

  /**
   * @param healthyAfter how long a connection must deliver frames to count as recovered
   */
  Interruptions(Duration healthyAfter) {
    this.healthyAfterNanos = healthyAfter.toNanos();
  }

  /**
   * A connection attempt, or a running connection, failed (for a live source, every connection ends
   * this way).
   *
   * @param why what went wrong; the first failure after a frame is the cause of the gap
   * @param nowNanos when the failure was noticed ({@link System#nanoTime()})
   * @param silence how long before {@code nowNanos} the frames had stopped: the stall timeout for a
   *     stall, else zero. Not the time of the last frame: the frames that FFmpeg's buffers give up
   *     when a stalled read is interrupted arrive at the very end.
   * @return the consecutive failures so far, this one included
   */
  int failed(String why, long nowNanos, Duration silence) {
    long flowedUntil = nowNanos - silence.toNanos();
    if (connectionHasFrame && flowedUntil - connectionFirstFrameNanos >= healthyAfterNanos) {
      failedAttempts = 0;
    }
    if (connectionHasFrame) {
      // The gap starts where the flow stopped, not at the released frames.
      lastFrameNanos = Math.min(lastFrameNanos, flowedUntil);
    }
    connectionHasFrame = false;
    if (failuresSinceFrame++ == 0) {
      cause = why;
    }
    return ++failedAttempts;
  }

  /** Consecutive failures: the attempt number of the next reconnection minus one. */
  int failedAttempts() {
    return failedAttempts;
  }

  /**
   * A frame arrived at {@code nowNanos} ({@link System#nanoTime()}).
   *
   * @return the gap this frame ends, or null when the stream was not interrupted since the previous
   *     frame (or this is the first frame: a source that takes a while to come up has no gap)
   */
  StreamGap frame(long nowNanos) {
    StreamGap gap = null;
    if (failuresSinceFrame > 0 && anyFrame) {
      gap = new StreamGap(Duration.ofNanos(nowNanos - lastFrameNanos), failuresSinceFrame, cause);
    }
    failuresSinceFrame = 0;
    cause = null;
    if (!connectionHasFrame) {
      connectionHasFrame = true;
      connectionFirstFrameNanos = nowNanos;
    }
    anyFrame = true;
    lastFrameNanos = nowNanos;
    return gap;
  }
}
