package io.facetrail.faces.weights;

/**
 * A weight manifest or shard that cannot be read as declared: truncated or oversized shard, unknown
 * data type, missing tensor, or a tensor whose shape differs from what the network needs.
 */
public class WeightFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WeightFormatException(String message) {
    super(message);
  }

  public WeightFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
