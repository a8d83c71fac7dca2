package io.facetrail.ingest.media;

import java.util.Locale;

/**
 * A source that cannot be read, with a message naming the input and the cause. {@link #kind()}
 * tells callers whether trying again can help and gives the metric tag.
 */
public final class SourceFailure extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong; each kind is one value of the {@code kind} tag of the error metric. */
  public enum Kind {
    /** The file does not exist. */
    MISSING_FILE(false),
    /** The file exists but holds no bytes. */
    EMPTY_FILE(false),
    /** The file or folder exists but cannot be read (permissions, a directory, ...). */
    UNREADABLE(false),
    /** FFmpeg recognises no container format in the data. */
    NOT_MEDIA(false),
    /** The input holds no video stream. */
    NO_VIDEO(false),
    /** The video codec has no decoder in this FFmpeg build. */
    UNSUPPORTED_CODEC(false),
    /** A folder of images holds no image. */
    NO_IMAGES(false),
    /** The frames or the image are larger than the pixel limit ({@code decode.maxImagePixels}). */
    TOO_LARGE(false),
    /** The input was read to its end but not one frame of it could be decoded. */
    UNDECODABLE(true),
    /** The server or device could not be reached (refused, unknown host, HTTP error, timeout). */
    UNREACHABLE(true),
    /** The connection was open but delivered no frame within the stall timeout. */
    STALLED(true),
    /** The connection broke or the live stream ended. */
    CONNECTION_LOST(true),
    /** Reading failed repeatedly in the middle of the input. */
    READ_ERROR(true);

    private final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }

    /** Whether reconnecting to a live source can help. */
    public boolean retryable() {
      return retryable;
    }

    /** Lower-case name used as a metric tag. */
    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Kind kind;

  public SourceFailure(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
