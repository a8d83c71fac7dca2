package io.facetrail.matcher.archive;

import io.facetrail.contracts.identity.IdentityEvent;
import io.facetrail.matcher.gallery.Gallery;
import io.facetrail.matcher.gallery.PersonRecord;
import io.facetrail.matcher.index.GalleryIndex;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-decides the archive on its own thread after each gallery change the matcher's index applies,
 * and publishes the changed decisions as retroactive identity events. Changes that arrive while a
 * re-decision runs are gathered into the next one. A failure (store or broker unreachable) is
 * counted and the same changes are tried again after a back-off: events are published before the
 * decisions are stored, so a retry re-emits the same event ids rather than losing any.
 */
public final class RedecisionRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedecisionRunner.class);
  private static final Duration SETTLE = Duration.ofMillis(300);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final TrackArchive archive;
  private final Gallery gallery;
  private final GalleryIndex index;
  private final Redecider redecider;
  private final Consumer<List<IdentityEvent>> publish;
  private final Clock clock;
  private final Counter changed;
  private final Counter failures;
  private final Timer duration;
  private final Consumer<List<Redecision.Change>> stored;
  private final Object lock = new Object();
  private final Thread thread;
  private Set<String> pending = new HashSet<>();
  private boolean due;
  private volatile boolean closed;

  /**
   * @param publish sends events to the identity topic; throws when they may not have been sent
   * @param stored told of the changed decisions once they are stored (the clusters of unknown faces
   *     follow them)
   */
  public RedecisionRunner(
      TrackArchive archive,
      Gallery gallery,
      GalleryIndex index,
      Redecider redecider,
      Consumer<List<IdentityEvent>> publish,
      Consumer<List<Redecision.Change>> stored,
      Clock clock,
      MeterRegistry registry) {
    this.stored = stored;
    this.archive = archive;
    this.gallery = gallery;
    this.index = index;
    this.redecider = redecider;
    this.publish = publish;
    this.clock = clock;
    changed =
        Counter.builder("facetrail.matcher.archive.redecided")
            .description(
                "Archived tracks whose decision a gallery change turned (retroactive events)")
            .register(registry);
    failures =
        Counter.builder("facetrail.matcher.archive.redecision.failures")
            .description("Re-decisions of the archive that failed (each is retried)")
            .register(registry);
    duration =
        Timer.builder("facetrail.matcher.archive.redecision.duration")
            .description("Time to re-decide the archive after a gallery change")
            .register(registry);
    thread = new Thread(this::run, "facetrail-archive-redecision");
    thread.setDaemon(true);
    thread.start();
  }

  /** Asks for a re-decision of {@code persons} (null: everything, after a full gallery reload). */
  public void changed(Set<String> persons) {
    synchronized (lock) {
      if (persons == null || pending == null) {
        pending = null;
      } else {
        pending.addAll(persons);
      }
      due = true;
      lock.notifyAll();
    }
  }

  private void run() {
    long backoff = 1_000;
    while (!closed) {
      Set<String> work;
      try {
        synchronized (lock) {
          while (!due && !closed) {
            lock.wait();
          }
        }
        // Enrolling a person is several changes in a row (create, then codes): let them settle.
        Thread.sleep(SETTLE.toMillis());
        synchronized (lock) {
          work = pending;
          pending = new HashSet<>();
          due = false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (closed) {
        return;
      }
      try {
        runOnce(work);
        backoff = 1_000;
      } catch (RuntimeException e) {
        failures.increment();
        log.warn("Re-deciding the track archive failed, retrying: {}", e.getMessage());
        changed(work);
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = Math.min(MAX_BACKOFF.toMillis(), backoff * 2);
      }
    }
  }

  /** One re-decision of the tracks {@code persons} may concern (null: all). */
  void runOnce(Set<String> persons) {
    long started = System.nanoTime();
    List<PersonRecord> records = null;
    Set<String> maybeErased = persons;
    if (persons == null) {
      // After a full reload nobody says who was erased: every person a decision names is checked.
      Set<String> named = new HashSet<>();
      archive.forEach(
          (t, d) -> {
            if (d.personId() != null) {
              named.add(d.personId());
            }
          });
      maybeErased = named;
    } else {
      records = new ArrayList<>();
      for (String id : persons) {
        gallery.record(id).ifPresent(records::add);
      }
    }
    for (String id : maybeErased) {
      // An erased person's archived tracks go with them (docs/PRIVACY.md).
      if (gallery.person(id).isEmpty()) {
        archive.erasePerson(id);
      }
    }
    Redecision r =
        redecider.redecide(
            archive::forEach,
            index,
            records,
            persons == null ? Set.of() : persons,
            clock.instant());
    List<IdentityEvent> events = new ArrayList<>();
    for (Redecision.Change c : r.changes()) {
      events.add(RetroactiveEvents.of(c, index, clock.instant()));
    }
    if (!events.isEmpty()) {
      publish.accept(events);
    }
    archive.updateDecisions(r.updates());
    stored.accept(r.changes());
    changed.increment(r.changes().size());
    duration.record(Duration.ofNanos(System.nanoTime() - started));
    log.info(
        "Re-decided {} archived tracks ({} against the whole gallery): {} decisions changed",
        r.examined(),
        r.searchedFully(),
        r.changes().size());
  }

  @Override
  public void close() {
    closed = true;
    synchronized (lock) {
      lock.notifyAll();
    }
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
