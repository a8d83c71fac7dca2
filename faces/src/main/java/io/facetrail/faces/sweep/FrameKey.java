package io.facetrail.faces.sweep;

/**
 * Where a frame stands in its stream, as far as a {@link TileSweeps} needs to know.
 *
 * @param stream the stream's id; frames of one stream arrive in sequence order
 * @param sequence consecutive within the stream; a gap means frames were lost or skipped
 * @param shot the shot number the frame belongs to, or {@link #NO_SHOT} when the producer says
 *     nothing about shots
 */
public record FrameKey(String stream, long sequence, long shot) {
  /** The producer gives no shot numbers (its frames never end a sweep on a shot change). */
  public static final long NO_SHOT = Long.MIN_VALUE;

  public FrameKey {
    if (stream == null) {
      throw new IllegalArgumentException("a frame key needs a stream id");
    }
  }
}
