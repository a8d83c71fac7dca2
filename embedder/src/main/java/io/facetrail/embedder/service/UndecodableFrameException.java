package io.facetrail.embedder.service;

/** A frame whose image could not be decoded; recorded in the dead-letter headers. */
public final class UndecodableFrameException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UndecodableFrameException(String streamId, long sequence, String reason) {
    super("frame " + sequence + " of stream " + streamId + " cannot be decoded: " + reason);
  }
}
