package io.facetrail.api.events;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every few seconds: drops from memory the events past the window, the events naming a person the
 * gallery no longer has, and those events' track faces. Reads already hide such events the moment
 * the API's gallery index drops the person; this is what frees the memory.
 */
final class ErasureSweep implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ErasureSweep.class);

  private final EventStore store;
  private final ThumbnailStore thumbnails;
  private final PersonDirectory directory;
  private final EventMetrics metrics;
  private final ScheduledExecutorService timer;

  ErasureSweep(
      EventStore store,
      ThumbnailStore thumbnails,
      PersonDirectory directory,
      EventMetrics metrics) {
    this.store = store;
    this.thumbnails = thumbnails;
    this.directory = directory;
    this.metrics = metrics;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "facetrail-api-events-sweep");
              t.setDaemon(true);
              return t;
            });
  }

  void start(Duration every) {
    timer.scheduleWithFixedDelay(
        this::sweepLogged, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One sweep; returns the number of tracks whose events and faces were erased. */
  int sweep() {
    EventStore.Erased erased = store.sweep(directory);
    if (!erased.tracks().isEmpty()) {
      thumbnails.erase(erased.tracks());
      metrics.erased.increment(erased.events());
    }
    return erased.tracks().size();
  }

  private void sweepLogged() {
    try {
      int tracks = sweep();
      if (tracks > 0) {
        log.info("Erased from memory the events and faces of {} tracks", tracks);
      }
    } catch (RuntimeException e) {
      // The next run tries again; a failing sweep must not end the schedule.
      log.error("Sweeping recent events failed", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
