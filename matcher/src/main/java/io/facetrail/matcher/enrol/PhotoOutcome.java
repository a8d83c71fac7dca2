package io.facetrail.matcher.enrol;

import java.nio.file.Path;

/**
 * What enrolment did with one photo.
 *
 * @param photo the file
 * @param result accepted, already enrolled, or the reason for refusal
 * @param detail human-readable detail (face count, quality), never face data
 */
public record PhotoOutcome(Path photo, Result result, String detail) {
  /** Accepted, already in the gallery, or why not. */
  public enum Result {
    ENROLLED,
    /** The person already has a code from a photo with the same bytes: nothing was added. */
    ALREADY_ENROLLED,
    NO_FACE,
    SEVERAL_FACES,
    LOW_QUALITY,
    UNREADABLE
  }

  /** Whether this photo added a code. */
  public boolean enrolled() {
    return result == Result.ENROLLED;
  }

  /** Whether the photo was refused: neither enrolled now nor before. */
  public boolean refused() {
    return result != Result.ENROLLED && result != Result.ALREADY_ENROLLED;
  }
}
