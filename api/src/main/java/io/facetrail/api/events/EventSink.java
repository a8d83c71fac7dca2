package io.facetrail.api.events;

/** Receives each event the store takes in, on the feed's thread: it must return at once. */
@FunctionalInterface
public interface EventSink {
  void accept(StoredEvent event);
}
