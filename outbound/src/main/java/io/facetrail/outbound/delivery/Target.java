package io.facetrail.outbound.delivery;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.runtime.http.Health;

/**
 * Where identity events go (a webhook, an MQTT broker). Each target has its own bounded queue and
 * thread, so that a slow or unreachable one delays no other; it delivers its events in the order
 * submitted, and calls {@link Delivery#done()} on each once delivered or dead-lettered.
 */
public interface Target extends AutoCloseable {
  /** The name in metrics and logs ({@code webhook-0}, {@code mqtt}): never a URL or a secret. */
  String name();

  /** Whether this target wants the event at all (its filter). */
  boolean accepts(IdentityEvent event);

  /**
   * Whether {@link #submit} takes a delivery now. A target that must not drop events (MQTT) says no
   * while its queue is full, and the service stops reading until it has room; a webhook always says
   * yes and sends what its queue cannot hold to the dead-letter topic.
   */
  boolean hasRoom();

  /** Queues the delivery; called from the one thread that reads the identity topic. */
  void submit(Delivery delivery);

  /** Deliveries queued or in progress. */
  int pending();

  /** For the readiness endpoint. */
  Health.Status status();

  /**
   * Stops the thread. A delivery in progress is abandoned without {@link Delivery#done()}: its
   * offset is not committed, so the event is read again at the next start.
   */
  @Override
  void close();
}
