package io.facetrail.api.events;

import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live clients sharing the one feed: at most {@code maxClients}, each with its own bounded
 * queue and sending thread, so that a slow client only ever holds up itself.
 */
final class LiveHub implements AutoCloseable {
  private final EventStore store;
  private final TopicReplay replay;
  private final PersonDirectory directory;
  private final EventView view;
  private final EventMetrics metrics;
  private final int maxClients;
  private final int queueSize;
  private final long keepAliveMillis;
  private final Set<LiveClient> clients = ConcurrentHashMap.newKeySet();
  private final AtomicLong numbers = new AtomicLong();
  private final AtomicInteger admitted = new AtomicInteger();
  private volatile boolean closed;

  LiveHub(
      EventStore store,
      TopicReplay replay,
      PersonDirectory directory,
      EventView view,
      EventMetrics metrics,
      int maxClients,
      int queueSize,
      long keepAliveMillis) {
    this.store = store;
    this.replay = replay;
    this.directory = directory;
    this.view = view;
    this.metrics = metrics;
    this.maxClients = maxClients;
    this.queueSize = queueSize;
    this.keepAliveMillis = keepAliveMillis;
  }

  /**
   * Takes one of the {@code maxClients} places for a client about to connect, or says there is
   * none. Counted here, not from the clients attached: the response (status 200) goes out before
   * the client is attached on another thread, so clients connecting at once would all see room. The
   * place is given back when the client leaves ({@link #left}) or, if it never attaches, by {@link
   * #release}.
   */
  boolean admit() {
    while (true) {
      int n = admitted.get();
      if (closed || n >= maxClients) {
        return false;
      }
      if (admitted.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  /** Gives back a place taken by {@link #admit} for a client that was never attached. */
  void release() {
    admitted.decrementAndGet();
  }

  /** Serves {@code sse}, admitted before, from now on (on a thread of its own). */
  void attach(SseClient sse, ResumeToken from, EventQuery query) {
    LiveClient client;
    try {
      client = new LiveClient(sse, from, query, this, queueSize);
      sse.keepAlive();
      sse.onClose(client::close);
    } catch (RuntimeException e) {
      release();
      throw e;
    }
    clients.add(client);
    if (closed) {
      client.close();
    }
    client.start("facetrail-api-sse-" + numbers.incrementAndGet());
  }

  void left(LiveClient client) {
    if (clients.remove(client)) {
      release();
    }
  }

  int clients() {
    return clients.size();
  }

  EventStore store() {
    return store;
  }

  TopicReplay replay() {
    return replay;
  }

  PersonDirectory directory() {
    return directory;
  }

  EventView view() {
    return view;
  }

  EventMetrics metrics() {
    return metrics;
  }

  long keepAliveMillis() {
    return keepAliveMillis;
  }

  @Override
  public void close() {
    closed = true;
    clients.forEach(LiveClient::close);
  }
}
