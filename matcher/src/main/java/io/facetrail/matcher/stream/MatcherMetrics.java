package io.facetrail.matcher.stream;

import io.facetrail.contracts.identity.IdentityEventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The matcher's own meters: decisions by type, gallery query latency, deferred decisions. */
public final class MatcherMetrics {
  private final Map<IdentityEventType, Counter> decisions = new EnumMap<>(IdentityEventType.class);
  private final Timer queryLatency;
  private final Counter deferred;
  private final Counter splits;
  private final Counter erasedWhileOpen;
  private final AtomicLong pendingTracks = new AtomicLong();

  public MatcherMetrics(MeterRegistry registry) {
    for (IdentityEventType t : IdentityEventType.values()) {
      decisions.put(
          t,
          Counter.builder("facetrail.matcher.decisions")
              .description("Identity events emitted, by type")
              .tag("type", t.json())
              .register(registry));
    }
    queryLatency =
        Timer.builder("facetrail.matcher.query.latency")
            .description("Time of one gallery search for a track aggregate")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    deferred =
        Counter.builder("facetrail.matcher.deferred")
            .description("Decisions held back because the gallery could not be confirmed current")
            .register(registry);
    splits =
        Counter.builder("facetrail.matcher.tracks.split")
            .description(
                "Identified tracks whose later faces disagreed with the name: the named part ended"
                    + " and the rest went on as a new part")
            .register(registry);
    erasedWhileOpen =
        Counter.builder("facetrail.matcher.tracks.erased.open")
            .description(
                "Open tracks named after a person erased meanwhile: the named part ended without"
                    + " their id and its faces were dropped")
            .register(registry);
    Gauge.builder("facetrail.matcher.pending.tracks", pendingTracks, AtomicLong::get)
        .description("Tracks whose identity decision is held back until the gallery is current")
        .register(registry);
  }

  void decided(IdentityEventType type) {
    decisions.get(type).increment();
  }

  Timer queryLatency() {
    return queryLatency;
  }

  void deferred() {
    deferred.increment();
  }

  void split() {
    splits.increment();
  }

  void erasedWhileOpen() {
    erasedWhileOpen.increment();
  }

  void pendingTracks(long n) {
    pendingTracks.set(n);
  }
}
