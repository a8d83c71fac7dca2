package io.facetrail.api.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * The event feed's meters, all registered at start (at 0) so that {@code increase()} sees the first
 * event: events received, events not kept (by reason), live clients, events sent to them, clients
 * disconnected for falling behind, and what memory holds.
 */
public final class EventMetrics {
  final Counter received;
  final Counter malformed;
  final Counter expired;
  final Counter erased;
  final Counter sent;
  final Counter overflows;
  final Counter thumbnailsSeen;

  public EventMetrics(
      MeterRegistry registry,
      Supplier<Number> liveClients,
      Supplier<Number> stored,
      Supplier<Number> thumbnails) {
    received =
        Counter.builder("facetrail.api.events.received")
            .description("Identity events read from the identity topic by the API's event feed")
            .register(registry);
    malformed = dropped(registry, "malformed");
    expired = dropped(registry, "expired");
    erased = dropped(registry, "erased");
    sent =
        Counter.builder("facetrail.api.sse.events.sent")
            .description("Identity events sent to live (Server-Sent Events) clients")
            .register(registry);
    overflows =
        Counter.builder("facetrail.api.sse.overflows")
            .description("Live clients disconnected because they fell too far behind")
            .register(registry);
    thumbnailsSeen =
        Counter.builder("facetrail.api.thumbnails.received")
            .description("Track faces (observations and ended tracks) read from the tracks topic")
            .register(registry);
    Gauge.builder("facetrail.api.sse.clients", liveClients)
        .description("Live (Server-Sent Events) clients connected now")
        .register(registry);
    Gauge.builder("facetrail.api.events.stored", stored)
        .description("Recent identity events held in the API's memory")
        .register(registry);
    Gauge.builder("facetrail.api.thumbnails.stored", thumbnails)
        .description("Track thumbnails held in the API's memory")
        .register(registry);
  }

  private static Counter dropped(MeterRegistry registry, String reason) {
    return Counter.builder("facetrail.api.events.dropped")
        .description(
            "Identity events not kept: malformed, emitted before the window (expired), or naming a"
                + " person the gallery no longer has (erased)")
        .tag("reason", reason)
        .register(registry);
  }
}
