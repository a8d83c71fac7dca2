package io.facetrail.app.bench;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.contracts.identity.IdentityEventType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Latency of identification on one stream: for every {@code identified} event, the time from the
 * capture of the last frame the decision used to the moment the event was read from the identity
 * topic (committed, as a downstream consumer sees it).
 */
final class LatencyRecorder implements Consumer<IdentityEvent> {
  private final String streamId;
  private final List<Long> latenciesMs = new ArrayList<>();
  private int events;

  LatencyRecorder(String streamId) {
    this.streamId = streamId;
  }

  @Override
  public synchronized void accept(IdentityEvent e) {
    if (!e.streamId().equals(streamId)) {
      return;
    }
    events++;
    if (e.type() == IdentityEventType.IDENTIFIED) {
      latenciesMs.add(System.currentTimeMillis() - e.lastSeen().capturedAt().toEpochMilli());
    }
  }

  /** Identity events of the stream so far (every type). */
  synchronized int events() {
    return events;
  }

  /** The latencies of the identified events so far, milliseconds, sorted. */
  synchronized List<Long> sorted() {
    List<Long> s = new ArrayList<>(latenciesMs);
    s.sort(Long::compare);
    return s;
  }

  /** The {@code q} quantile (0..1, nearest rank) of sorted values, or -1 when there are none. */
  static long quantile(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return -1;
    }
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.min(sorted.size() - 1, Math.max(0, rank - 1)));
  }
}
