package io.facetrail.app.run;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Decides, one look at a time, whether an all-in-one pipeline has drained. The stages have drained
 * when each has read everything its input holds; the run is done only when, besides, no identity
 * decision is held back. The matcher holds decisions back while it cannot confirm its gallery is
 * current (an erasure may be waiting there), so with the stages drained and decisions still held
 * the run waits for the gallery, at most {@code galleryWait}, and then gives up on them rather than
 * report a summary that silently lacks them.
 */
final class DrainWatch {
  /** What to do after a look. */
  enum Step {
    /** Look again. */
    WAIT,
    /** Everything is processed and decided. */
    DONE,
    /** The stages have drained, but decisions stayed held back for longer than allowed. */
    GAVE_UP
  }

  private final long galleryWaitNanos;
  private int quiet;
  private long heldSince = Long.MIN_VALUE;
  private long held;

  DrainWatch(Duration galleryWait) {
    this.galleryWaitNanos = galleryWait.toNanos();
  }

  /**
   * One look.
   *
   * @param nowNanos a monotonic time
   * @param stagesCaughtUp whether every stage and feed has read everything its input holds
   * @param undecided tracks whose decision is held back; empty when it cannot be told now (the
   *     application is rebalancing)
   */
  Step look(long nowNanos, boolean stagesCaughtUp, OptionalLong undecided) {
    if (!stagesCaughtUp || undecided.isEmpty()) {
      quiet = 0;
      return Step.WAIT;
    }
    held = undecided.getAsLong();
    if (held == 0) {
      heldSince = Long.MIN_VALUE;
      // Twice in a row: a stage may be between reading its input and committing its output.
      return ++quiet >= 2 ? Step.DONE : Step.WAIT;
    }
    quiet = 0;
    if (heldSince == Long.MIN_VALUE) {
      heldSince = nowNanos;
    }
    return nowNanos - heldSince > galleryWaitNanos ? Step.GAVE_UP : Step.WAIT;
  }

  /** Tracks held back at the last look. */
  long undecided() {
    return held;
  }
}
