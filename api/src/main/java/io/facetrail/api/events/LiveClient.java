package io.facetrail.api.events;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventSerde;
import io.facetrail.contracts.serde.MalformedRecordException;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Server-Sent Events connection. The feed only offers events to its bounded queue (never
 * waiting); the client's own thread sends what the resume plan says comes first, then the queue,
 * with a keepalive comment whenever it is idle. A client whose queue fills is sent {@code event:
 * overflow} with its position and disconnected: it resumes from there.
 *
 * <p>Per partition it remembers the next offset it has not been given; anything below is skipped,
 * which is what keeps the hand-over from replay to live free of duplicates.
 */
final class LiveClient implements EventSink {
  private static final Logger log = LoggerFactory.getLogger(LiveClient.class);

  private final SseClient sse;
  private final ResumeToken from;
  private final EventQuery query;
  private final LiveHub hub;
  private final BlockingQueue<StoredEvent> queue;
  private final Map<Integer, Long> sent = new TreeMap<>();
  private final IdentityEventSerde serde = new IdentityEventSerde();
  private volatile boolean overflowed;
  private volatile boolean closed;
  private volatile Thread thread;

  LiveClient(SseClient sse, ResumeToken from, EventQuery query, LiveHub hub, int queueSize) {
    this.sse = sse;
    this.from = from;
    this.query = query;
    this.hub = hub;
    this.queue = new ArrayBlockingQueue<>(queueSize);
  }

  @Override
  public void accept(StoredEvent e) {
    if (closed || overflowed || !query.matches(e.event())) {
      return;
    }
    if (!queue.offer(e)) {
      overflowed = true;
    }
  }

  void start(String name) {
    Thread t = new Thread(this::run, name);
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /** Ends the connection (the client left, or the server stops). */
  void close() {
    closed = true;
    Thread t = thread;
    if (t != null && t != Thread.currentThread()) {
      t.interrupt();
    }
  }

  private void run() {
    EventStore store = hub.store();
    try {
      while (!store.awaitAssigned(hub.keepAliveMillis())) {
        if (!keepAlive()) {
          return;
        }
      }
      ResumePlan plan = store.subscribe(from, this);
      sent.putAll(plan.start());
      if (!plan.fromTopic().isEmpty()) {
        hub.replay()
            .read(
                plan.fromTopic(),
                () ->
                    send(
                        "reset",
                        "{\"reason\":\"events after the given Last-Event-ID were deleted from the"
                            + " identity topic (retention): what it still holds follows\"}",
                        null),
                this::replayed,
                () -> closed || sse.terminated());
      }
      for (StoredEvent e : plan.fromMemory()) {
        deliver(e);
      }
      while (!closed && !sse.terminated()) {
        StoredEvent e = queue.poll(hub.keepAliveMillis(), TimeUnit.MILLISECONDS);
        if (e != null) {
          deliver(e);
        } else if (overflowed) {
          send(
              "overflow",
              "{\"reason\":\"this client fell too far behind; resume with this event's id\"}",
              token());
          hub.metrics().overflows.increment();
          return;
        } else if (!keepAlive()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The topic could not be read back (or a bug): the client reconnects with its last id.
      log.warn("A live events connection ended: {}", e.toString());
    } finally {
      store.unsubscribe(this);
      hub.left(this);
      sse.close();
    }
  }

  private void replayed(ConsumerRecord<byte[], byte[]> r) {
    IdentityEvent event;
    try {
      event = serde.deserialize(r.topic(), r.value());
    } catch (MalformedRecordException e) {
      sent.merge(r.partition(), r.offset() + 1, Math::max);
      return;
    }
    deliver(new StoredEvent(r.partition(), r.offset(), event));
  }

  private void deliver(StoredEvent e) {
    if (e.offset() < sent.getOrDefault(e.partition(), 0L)) {
      return;
    }
    sent.put(e.partition(), e.offset() + 1);
    if (!query.matches(e.event()) || !hub.directory().shows(e)) {
      return;
    }
    send("identity", hub.view().json(e), token());
    hub.metrics().sent.increment();
  }

  private String token() {
    return ResumeToken.of(sent).encode();
  }

  private void send(String event, String data, String id) {
    if (!sse.terminated()) {
      sse.sendEvent(event, data, id);
    }
  }

  private boolean keepAlive() {
    if (closed || sse.terminated()) {
      return false;
    }
    sse.sendComment("keepalive");
    return !sse.terminated();
  }
}
