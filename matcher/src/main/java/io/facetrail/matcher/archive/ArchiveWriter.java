package io.facetrail.matcher.archive;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes ended tracks to the archive on its own thread, so a slow or unreachable store never holds
 * the stream thread for more than {@code maxWait}. A failed write is counted and retried with
 * back-off until it succeeds; the queue is bounded, and a track that finds it full for {@code
 * maxWait} is counted as dropped and logged (its identity events are unaffected). The same thread
 * deletes expired tracks every {@code sweepInterval}.
 */
public final class ArchiveWriter implements ArchiveSink, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ArchiveWriter.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(10);

  private final TrackArchive archive;
  private final ArchiveSettings settings;
  private final Clock clock;
  private final BlockingQueue<Item> queue;
  private final Counter written;
  private final Counter failures;
  private final Counter dropped;
  private final Counter expired;
  private final Thread thread;
  private volatile boolean closing;
  private long nextSweepMs;

  private record Item(ArchivedTrack track, TrackDecision decision) {}

  public ArchiveWriter(
      TrackArchive archive, ArchiveSettings settings, Clock clock, MeterRegistry registry) {
    this.archive = archive;
    this.settings = settings;
    this.clock = clock;
    this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
    written =
        Counter.builder("facetrail.matcher.archive.written")
            .description("Ended tracks written to the track archive")
            .register(registry);
    failures =
        Counter.builder("facetrail.matcher.archive.failures")
            .description("Failed attempts to write to the track archive (each is retried)")
            .register(registry);
    dropped =
        Counter.builder("facetrail.matcher.archive.dropped")
            .description(
                "Ended tracks not archived: the write queue stayed full (the store too slow or"
                    + " unreachable) or the matcher stopped before they were written")
            .register(registry);
    expired =
        Counter.builder("facetrail.matcher.archive.expired")
            .description("Archived tracks deleted at the end of their retention")
            .register(registry);
    Gauge.builder("facetrail.matcher.archive.queue", queue, BlockingQueue::size)
        .description("Ended tracks waiting to be written to the track archive")
        .register(registry);
    thread = new Thread(this::run, "facetrail-archive-writer");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public boolean enabled() {
    return true;
  }

  @Override
  public void ended(ArchivedTrack track, TrackDecision decision) {
    boolean queued;
    try {
      queued =
          queue.offer(
              new Item(track, decision), settings.maxWait().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      queued = false;
    }
    if (!queued) {
      dropped.increment();
      log.warn(
          "Track {} not archived: {} ended tracks already wait for {}",
          track.trackId(),
          queue.size(),
          archive.describe());
    }
  }

  private void run() {
    long backoff = 100;
    Item item = null;
    while (!closing || !queue.isEmpty()) {
      try {
        sweepIfDue();
        item = queue.poll(200, TimeUnit.MILLISECONDS);
        if (item == null) {
          continue;
        }
        while (!write(item)) {
          if (closing) {
            dropped.increment();
            log.error("Track {} not archived: the matcher stopped", item.track().trackId());
            break;
          }
          Thread.sleep(backoff);
          backoff = Math.min(MAX_BACKOFF.toMillis(), backoff * 2);
        }
        item = null;
        backoff = 100;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (item != null) {
          dropped.increment();
          log.error("Track {} not archived: the matcher stopped", item.track().trackId());
        }
        break;
      }
    }
    int left = queue.size();
    if (left > 0) {
      dropped.increment(left);
      log.error("{} ended tracks not archived: the matcher stopped first", left);
    }
  }

  private boolean write(Item item) {
    try {
      ArchivedTrack t = item.track();
      TrackDecision d = item.decision();
      // `run` and `index` name a stream after its file and count tracks from 0 in every run: a
      // video of the same name elsewhere (day1/lobby.mp4, day2/lobby.mp4) yields the same track
      // ids. The same video run again (the same frames) replaces its tracks; another one is kept
      // beside them under an id of its own.
      Optional<ArchivedTrack> before = archive.track(t.trackId());
      if (before.isPresent() && !before.get().sameSighting(t)) {
        String id = t.trackId() + "@" + t.archivedAt().toEpochMilli();
        t = t.withTrackId(id);
        d = d.withTrackId(id);
      }
      archive.put(t, d);
      written.increment();
      return true;
    } catch (RuntimeException e) {
      failures.increment();
      log.warn("Archiving track {} failed, retrying: {}", item.track().trackId(), e.getMessage());
      return false;
    }
  }

  private void sweepIfDue() {
    long now = clock.millis();
    if (now < nextSweepMs) {
      return;
    }
    nextSweepMs = now + settings.sweepInterval().toMillis();
    try {
      int n = archive.deleteArchivedBefore(clock.instant().minus(settings.retention()));
      expired.increment(n);
      if (n > 0) {
        log.info("Deleted {} archived tracks older than {}", n, settings.retention());
      }
    } catch (RuntimeException e) {
      failures.increment();
      log.warn("Track archive retention sweep failed, retrying later: {}", e.getMessage());
    }
  }

  /** Writes what is queued (waiting at most a few seconds), then stops. */
  @Override
  public void close() {
    closing = true;
    try {
      thread.join(DRAIN_ON_CLOSE.toMillis());
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(1_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
