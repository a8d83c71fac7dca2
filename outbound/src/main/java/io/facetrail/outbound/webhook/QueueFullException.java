package io.facetrail.outbound.webhook;

/** A webhook's queue was full when an event arrived for it: the event went to the dead letters. */
public final class QueueFullException extends Exception {
  private static final long serialVersionUID = 1L;

  public QueueFullException(int capacity) {
    super("the webhook's queue of " + capacity + " events was full");
  }
}
