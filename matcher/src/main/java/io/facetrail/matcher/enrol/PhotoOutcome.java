package io.facetrail.matcher.enrol;

import java.nio.file.Path;

/**
 * What enrolment did with one photo.
 *
 * @param photo the file
 * @param result accepted or the reason for refusal
 * @param detail human-readable detail (face count, quality), never face data
 */
public record PhotoOutcome(Path photo, Result result, String detail) {
  /** Accepted, or why not. */
  public enum Result {
    ENROLLED,
    NO_FACE,
    SEVERAL_FACES,
    LOW_QUALITY,
    UNREADABLE
  }

  public boolean enrolled() {
    return result == Result.ENROLLED;
  }
}
