package io.facetrail.matcher.sync;

import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.GalleryChanges;
import io.facetrail.matcher.gallery.GalleryUnavailableException;
import io.facetrail.matcher.gallery.GalleryVersion;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.index.GalleryIndex;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the gallery's change feed into the index on a background thread. While the store is
 * unreachable it retries with exponential back-off (up to {@link #MAX_BACKOFF}) and the index keeps
 * serving its last state; {@link #isFresh()} turns false once the last successful contact is older
 * than the allowed staleness, which makes the matcher hold decisions back until the gallery is
 * reachable again (an erasure may be waiting there).
 */
public final class GallerySync implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GallerySync.class);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final Gallery gallery;
  private final GalleryIndex index;
  private final Duration pollInterval;
  private final long maxStalenessNanos;
  private final LongSupplier nanoTime;
  private final AtomicLong lastSuccess = new AtomicLong(Long.MIN_VALUE);
  private final Counter failures;
  private final Counter resyncs;
  private volatile GalleryChanges.Cursor cursor;
  private volatile Thread thread;
  private volatile boolean closed;
  private boolean outage;
  private final List<ChangeListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Told of each change applied to the index after the first load (on the sync thread). */
  @FunctionalInterface
  public interface ChangeListener {
    /**
     * @param changed the persons changed (added, changed or erased); null after a full reload, when
     *     anything may have changed
     */
    void changed(java.util.Set<String> changed);
  }

  /** Adds a listener for changes applied after the first load. */
  public void listen(ChangeListener listener) {
    listeners.add(listener);
  }

  public GallerySync(
      Gallery gallery,
      GalleryIndex index,
      Duration pollInterval,
      Duration maxStaleness,
      LongSupplier nanoTime,
      MeterRegistry registry) {
    this.gallery = gallery;
    this.index = index;
    this.pollInterval = pollInterval;
    this.maxStalenessNanos = maxStaleness.toNanos();
    this.nanoTime = nanoTime;
    this.failures =
        Counter.builder("facetrail.gallery.sync.failures")
            .description("Failed attempts to reach the gallery store (each is retried)")
            .register(registry);
    this.resyncs =
        Counter.builder("facetrail.gallery.sync.resyncs")
            .description("Full reloads of the gallery into the index")
            .register(registry);
    Gauge.builder("facetrail.gallery.persons", index, GalleryIndex::personCount)
        .description("Persons in the matcher's gallery index")
        .register(registry);
    Gauge.builder("facetrail.gallery.codes", index, GalleryIndex::codeCount)
        .description("Face codes in the matcher's gallery index")
        .register(registry);
    Gauge.builder("facetrail.gallery.fresh", this, s -> s.isFresh() ? 1 : 0)
        .description("1 while the index is known to be current with the gallery store")
        .register(registry);
  }

  /** Starts following the gallery on a daemon thread. */
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    thread = new Thread(this::run, "facetrail-gallery-sync");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * One synchronisation step: the full load on first use or when the feed demands it, else the
   * changed persons.
   *
   * @throws GalleryUnavailableException when the store cannot be reached
   */
  public synchronized void syncOnce() {
    // Synchronized: besides the follower thread, a caller that just changed the gallery (the
    // API naming a cluster) brings the index up to date at once.
    GalleryChanges.Cursor from = cursor;
    if (from == null) {
      fullLoad();
    } else {
      GalleryChanges changes = gallery.changesSince(from);
      if (changes.resyncRequired()) {
        log.info("Gallery change feed cannot be continued; reloading {}", gallery.describe());
        fullLoad();
        listeners.forEach(l -> l.changed(null));
      } else {
        for (String personId : changes.changedPersons()) {
          Optional<PersonRecord> r = gallery.record(personId);
          if (r.isPresent()) {
            index.upsert(r.get());
          } else {
            index.remove(personId);
          }
        }
        cursor = changes.cursor();
        if (!changes.changedPersons().isEmpty()) {
          listeners.forEach(l -> l.changed(changes.changedPersons()));
        }
      }
    }
    lastSuccess.set(nanoTime.getAsLong());
  }

  private void fullLoad() {
    // The cursor is read first: changes made during the snapshot are replayed from it afterwards
    // (reloading a person is idempotent), so none can be missed.
    GalleryChanges.Cursor at = gallery.cursor();
    List<PersonRecord> all = gallery.snapshot();
    index.replaceAll(all);
    cursor = at;
    resyncs.increment();
    log.info(
        "Gallery loaded from {}: {} persons, {} codes",
        gallery.describe(),
        index.personCount(),
        index.codeCount());
  }

  /**
   * The gallery version the index holds, or empty before the first load. After a full reload it is
   * the version read before the snapshot (the index may already hold later changes): a result
   * recorded with it is at worst taken as older than it is, never as newer.
   */
  public Optional<GalleryVersion> version() {
    GalleryChanges.Cursor c = cursor;
    return c == null ? Optional.empty() : Optional.of(GalleryVersion.of(c));
  }

  /** Whether the index was confirmed current within the allowed staleness. */
  public boolean isFresh() {
    long last = lastSuccess.get();
    return last != Long.MIN_VALUE && nanoTime.getAsLong() - last <= maxStalenessNanos;
  }

  /** Whether the initial load has completed. */
  public boolean isLoaded() {
    return cursor != null;
  }

  private void run() {
    long backoff = pollInterval.toMillis();
    while (!closed) {
      long sleep;
      try {
        syncOnce();
        if (outage) {
          log.info("Gallery {} reachable again", gallery.describe());
          outage = false;
        }
        backoff = pollInterval.toMillis();
        sleep = pollInterval.toMillis();
      } catch (GalleryUnavailableException e) {
        failures.increment();
        if (!outage) {
          log.warn("Gallery unreachable, retrying with back-off: {}", e.getMessage());
          outage = true;
        }
        sleep = backoff;
        backoff = Math.min(MAX_BACKOFF.toMillis(), backoff * 2);
      } catch (RuntimeException e) {
        // A malformed record in the store: keep serving the last index, report and retry.
        failures.increment();
        log.error("Gallery synchronisation failed; retrying", e);
        sleep = MAX_BACKOFF.toMillis();
      }
      try {
        Thread.sleep(sleep);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
