package io.facetrail.app.run;

/**
 * How waiting for an all-in-one pipeline to drain ended.
 *
 * @param drained every stage processed everything and every track was decided
 * @param undecided tracks left undecided because the gallery stayed unreachable (the wait for it
 *     ran out); 0 otherwise
 * @param gallery the gallery as named in messages (never with a password)
 */
public record DrainResult(boolean drained, long undecided, String gallery) {
  /** Whether tracks were given up on because the gallery could not be reached. */
  public boolean galleryGaveUp() {
    return undecided > 0;
  }

  /** Why decisions are missing, for a status line, e.g. {@code 2 track(s) left undecided: ...}. */
  public String undecidedMessage() {
    return undecided
        + " track(s) left undecided: "
        + gallery
        + " could not be reached, so their identity events were never emitted";
  }
}
