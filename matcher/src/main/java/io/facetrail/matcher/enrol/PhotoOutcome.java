package io.facetrail.matcher.enrol;

import java.nio.file.Path;

/**
 * What enrolment did with one photo: enrolled (now or before), refused with the reason, or failed
 * with the error. Every photo of a batch gets one, whatever happens to the others.
 *
 * @param photo the file
 * @param result accepted, already enrolled, the reason for refusal, or {@link Result#FAILED}
 * @param detail human-readable detail (face count, quality, the error), never face data
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
    UNREADABLE,
    /** Larger than the pixel limit or {@link Enroller#MAX_PHOTO_BYTES}: never decoded. */
    TOO_LARGE,
    /** Analysing the photo failed with an error (not a property of the photo that was judged). */
    FAILED
  }

  /** Whether this photo added a code. */
  public boolean enrolled() {
    return result == Result.ENROLLED;
  }

  /** Whether the photo was refused for what it is: neither enrolled now nor before, nor failed. */
  public boolean refused() {
    return result != Result.ENROLLED && result != Result.ALREADY_ENROLLED && !failed();
  }

  /** Whether analysing the photo failed with an error. */
  public boolean failed() {
    return result == Result.FAILED;
  }
}
