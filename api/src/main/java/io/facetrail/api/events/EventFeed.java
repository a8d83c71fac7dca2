package io.facetrail.api.events;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventSerde;
import io.facetrail.contracts.serde.MalformedRecordException;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.kafka.KafkaSettings;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one reader of the identity topic: every event within the window goes into the {@link
 * EventStore} (and from there to the live clients), unless it names a person the gallery no longer
 * has.
 */
public final class EventFeed implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventFeed.class);

  private final TopicFollower follower;

  public EventFeed(
      KafkaSettings kafka,
      Duration window,
      EventStore store,
      PersonDirectory directory,
      EventMetrics metrics,
      Clock clock) {
    IdentityEventSerde serde = new IdentityEventSerde();
    String topic = kafka.topics().identity().name();
    this.follower =
        new TopicFollower(
            "events",
            kafka,
            topic,
            window,
            new TopicFollower.Handler() {
              @Override
              public void assigned(int partition, long startOffset) {
                store.assign(partition, startOffset);
              }

              @Override
              public void record(ConsumerRecord<byte[], byte[]> r) {
                IdentityEvent event;
                try {
                  event = serde.deserialize(r.topic(), r.value());
                } catch (MalformedRecordException e) {
                  // Where, not what: the record may name a person.
                  log.warn(
                      "Skipping a malformed identity event at {}-{}@{}",
                      r.topic(),
                      r.partition(),
                      r.offset());
                  metrics.malformed.increment();
                  store.advance(r.partition(), r.offset() + 1);
                  return;
                }
                metrics.received.increment();
                StoredEvent e = new StoredEvent(r.partition(), r.offset(), event);
                if (directory.erased(e)) {
                  metrics.erased.increment();
                  store.advance(r.partition(), r.offset() + 1);
                  return;
                }
                if (store.add(r.partition(), r.offset(), event) == EventStore.Outcome.EXPIRED) {
                  metrics.expired.increment();
                }
              }

              @Override
              public void position(int partition, long nextOffset) {
                store.advance(partition, nextOffset);
              }
            },
            clock);
  }

  public void start() {
    follower.start();
  }

  /** Up while the broker answers. */
  public Health.Status status() {
    return follower.status();
  }

  @Override
  public void close() {
    follower.close();
  }
}
