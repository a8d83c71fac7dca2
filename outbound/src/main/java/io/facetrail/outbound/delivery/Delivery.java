package io.facetrail.outbound.delivery;

import io.facetrail.contracts.identity.IdentityEvent;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One identity-topic record on its way to the targets that accept it. Each target calls {@link
 * #done()} once it has delivered the event or sent it to the dead-letter topic; after the last one
 * the record's offset may be committed.
 */
public final class Delivery {
  private final ConsumerRecord<byte[], byte[]> record;
  private final IdentityEvent event;
  private final long receivedNanos;
  private final AtomicInteger remaining;
  private final Runnable onComplete;

  /**
   * @param record the record as read: its value is what webhooks send, byte for byte
   * @param event the record's value, decoded
   * @param targets how many targets must call {@link #done()}
   * @param onComplete run once, by the last target's {@link #done()}
   */
  public Delivery(
      ConsumerRecord<byte[], byte[]> record,
      IdentityEvent event,
      int targets,
      Runnable onComplete) {
    if (targets < 1) {
      throw new IllegalArgumentException("a delivery needs at least one target, got " + targets);
    }
    this.record = Objects.requireNonNull(record, "record");
    this.event = Objects.requireNonNull(event, "event");
    this.receivedNanos = System.nanoTime();
    this.remaining = new AtomicInteger(targets);
    this.onComplete = Objects.requireNonNull(onComplete, "onComplete");
  }

  public ConsumerRecord<byte[], byte[]> record() {
    return record;
  }

  public IdentityEvent event() {
    return event;
  }

  /** The record's value: the event's JSON exactly as on the topic. */
  public byte[] body() {
    return record.value();
  }

  /** When the service read the record ({@link System#nanoTime()}), for the delivery time. */
  public long receivedNanos() {
    return receivedNanos;
  }

  /** One target is finished with this record. */
  public void done() {
    int left = remaining.decrementAndGet();
    if (left == 0) {
      onComplete.run();
    } else if (left < 0) {
      throw new IllegalStateException("a target finished a delivery twice");
    }
  }
}
