package io.facetrail.api.events;

import io.facetrail.api.config.EventSettings;
import io.facetrail.api.server.ApiRoutes;
import io.facetrail.runtime.http.Health;
import io.facetrail.runtime.kafka.KafkaSettings;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The events part of the API put together: the store, the readers of the identity and tracks
 * topics, the live clients' hub, the erasure sweep and their routes. With {@code events.enabled}
 * off nothing is read: recent events are empty and live events answer 503.
 */
public final class LiveEvents implements AutoCloseable {
  private final EventStore store;
  private final ThumbnailStore thumbnails;
  private final TrackActivity tracks;
  private final EventView view;
  private final PersonDirectory directory;
  private final LiveHub hub;
  private final Deque<AutoCloseable> opened;

  private LiveEvents(
      EventStore store,
      ThumbnailStore thumbnails,
      TrackActivity tracks,
      EventView view,
      PersonDirectory directory,
      LiveHub hub,
      Deque<AutoCloseable> opened) {
    this.store = store;
    this.thumbnails = thumbnails;
    this.tracks = tracks;
    this.view = view;
    this.directory = directory;
    this.hub = hub;
    this.opened = opened;
  }

  /**
   * Starts reading (when enabled) and registers the readiness check {@code events}: down while the
   * broker cannot be reached.
   */
  public static LiveEvents start(
      EventSettings settings,
      KafkaSettings kafka,
      PersonDirectory directory,
      MeterRegistry registry,
      Health health,
      Clock clock) {
    EventStore store = new EventStore(settings.recentEvents(), settings.recentWindow(), clock);
    ThumbnailStore thumbnails = new ThumbnailStore(settings.thumbnails());
    TrackActivity tracks = new TrackActivity();
    EventView view = new EventView(thumbnails);
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    LiveHub[] hub = new LiveHub[1];
    EventMetrics metrics =
        new EventMetrics(
            registry, () -> hub[0] == null ? 0 : hub[0].clients(), store::size, thumbnails::size);
    if (!settings.enabled()) {
      return new LiveEvents(store, thumbnails, tracks, view, directory, null, opened);
    }
    try {
      hub[0] =
          new LiveHub(
              store,
              new TopicReplay(kafka),
              directory,
              view,
              metrics,
              settings.liveClients(),
              settings.liveQueue(),
              settings.keepAlive().toMillis());
      opened.push(hub[0]);
      EventFeed feed =
          new EventFeed(kafka, settings.recentWindow(), store, directory, metrics, clock);
      opened.push(feed);
      ThumbnailFeed faces =
          settings.thumbnails() == 0
              ? null
              : new ThumbnailFeed(
                  kafka, settings.recentWindow(), thumbnails, tracks, metrics, clock);
      if (faces != null) {
        opened.push(faces);
      }
      ErasureSweep sweep = new ErasureSweep(store, thumbnails, directory, metrics);
      opened.push(sweep);
      health.readinessCheck(
          "events",
          () -> {
            Health.Status s = feed.status();
            return s.up() && faces != null && !faces.status().up() ? faces.status() : s;
          });
      feed.start();
      if (faces != null) {
        faces.start();
      }
      sweep.start(settings.sweepInterval());
      return new LiveEvents(store, thumbnails, tracks, view, directory, hub[0], opened);
    } catch (RuntimeException e) {
      closeAll(opened);
      throw e;
    }
  }

  /** The recent events in memory (the cameras endpoint counts them). */
  public EventStore store() {
    return store;
  }

  /** The cameras the tracks topic has shown. */
  public TrackActivity tracks() {
    return tracks;
  }

  /** The live clients connected now (for a benchmark attaching many). */
  public int liveClients() {
    return hub == null ? 0 : hub.clients();
  }

  /** {@code /api/v1/events}, {@code /api/v1/events/live} and the track thumbnails. */
  public ApiRoutes routes() {
    return new EventRoutes(store, thumbnails, view, directory, hub);
  }

  @Override
  public void close() {
    closeAll(opened);
  }

  private static void closeAll(Deque<AutoCloseable> opened) {
    RuntimeException first = null;
    while (!opened.isEmpty()) {
      try {
        opened.pop().close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("closing the event feed failed", e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
